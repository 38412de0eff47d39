package org.codeshare.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class EdgeHeadersTest {

  @Test
  void theDefaultPolicyAllowsOnlyThisOriginAndItsWebSockets() {
    var headers =
        new SecurityHeaders(Optional.empty(), false, 31536000).forOrigin("http://localhost:8080");

    var csp = headers.get("Content-Security-Policy");
    assertThat(csp)
        .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
        .contains("connect-src 'self' ws://localhost:8080 wss://localhost:8080;")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*");
    assertThat(headers)
        .containsEntry("X-Content-Type-Options", "nosniff")
        .containsEntry("X-Frame-Options", "DENY")
        .containsEntry("Referrer-Policy", "strict-origin-when-cross-origin")
        .containsKey("Permissions-Policy")
        .doesNotContainKey("Strict-Transport-Security");
  }

  @Test
  void httpsSitesGetHstsAndSecureWebSocketsOnly() {
    var headers =
        new SecurityHeaders(Optional.empty(), true, 600).forOrigin("https://cs.example.org");

    assertThat(headers)
        .containsEntry("Strict-Transport-Security", "max-age=600; includeSubDomains");
    assertThat(headers.get("Content-Security-Policy"))
        .contains("connect-src 'self' wss://cs.example.org;")
        .doesNotContain("ws://");
  }

  @Test
  void aConfiguredPolicyReplacesTheDefaultAndAnUnknownHostGetsNoWebSocketSource() {
    assertThat(
            new SecurityHeaders(Optional.of("default-src 'none'"), false, 1)
                .forOrigin("http://x")
                .get("Content-Security-Policy"))
        .isEqualTo("default-src 'none'");
    assertThat(
            new SecurityHeaders(Optional.empty(), false, 1)
                .forOrigin(null)
                .get("Content-Security-Policy"))
        .contains("connect-src 'self';");
  }

  @Test
  void corsAllowsExactlyTheConfiguredOrigins() {
    var cors = new CorsPolicy(Origins.parseList("https://app.example.org,http://localhost:5173"));

    assertThat(cors.enabled()).isTrue();
    assertThat(cors.allows("https://app.example.org")).isTrue();
    assertThat(cors.allows("http://localhost:5173")).isTrue();
    assertThat(cors.allows("https://evil.example")).isFalse();
    assertThat(cors.allows("https://app.example.org.evil.example")).isFalse();
    assertThat(cors.allows(null)).isFalse();
    assertThat(new CorsPolicy(Set.of()).enabled()).isFalse();
    assertThat(cors.preflightResponseHeaders("http://localhost:5173"))
        .containsEntry("Access-Control-Allow-Origin", "http://localhost:5173")
        .containsEntry("Access-Control-Allow-Credentials", "true")
        .containsEntry(
            "Access-Control-Allow-Headers",
            "Authorization, Content-Type, X-Request-Id, X-Manage-Token");
    assertThat(CorsPolicy.isPreflight("OPTIONS", "http://a", "POST")).isTrue();
    assertThat(CorsPolicy.isPreflight("OPTIONS", "http://a", null)).isFalse();
  }

  @Test
  void aMalformedFrontendOriginFailsAtStartup() {
    Assertions.assertThatThrownBy(() -> Origins.parseList("app.example.org"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void boundedStreamsFailOneByteAfterTheLimit() throws IOException {
    var exact = new BoundedInputStream(new ByteArrayInputStream(new byte[10]), 10);
    assertThat(exact.readAllBytes()).hasSize(10);
    assertThat(exact.exceeded()).isFalse();

    var over = new BoundedInputStream(new ByteArrayInputStream(new byte[11]), 10);
    Assertions.assertThatThrownBy(over::readAllBytes).isInstanceOf(IOException.class);
    assertThat(over.exceeded()).isTrue();
  }
}
