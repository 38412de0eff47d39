package org.codeshare.collab.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

  private static OriginPolicy policy(String frontend) {
    var policy = new OriginPolicy();
    policy.frontendOrigin = Optional.ofNullable(frontend);
    return policy;
  }

  @Test
  void pagesOfThisHostMayConnect() {
    var policy = policy(null);
    assertThat(policy.allows("http://localhost:8080", "localhost:8080")).isTrue();
    assertThat(policy.allows("https://code.example.com", "code.example.com")).isTrue();
    assertThat(policy.allows("https://Code.Example.com:443", "code.example.com")).isTrue();
    assertThat(policy.allows("http://[::1]:8080", "[::1]:8080")).isTrue();
  }

  @Test
  void otherSitesMayNot() {
    var policy = policy(null);
    assertThat(policy.allows("https://evil.example", "code.example.com")).isFalse();
    assertThat(policy.allows("http://localhost:8081", "localhost:8080")).isFalse();
    assertThat(policy.allows("https://code.example.com.evil.example", "code.example.com"))
        .isFalse();
    assertThat(policy.allows("null", "code.example.com")).isFalse();
    assertThat(policy.allows("https://code.example.com", null)).isFalse();
  }

  @Test
  void behindAProxyThePageMatchesTheHostItForwards() {
    var policy = policy(null);
    // nginx on port 9090: Host is the bare name ($host), X-Forwarded-Host keeps the port
    assertThat(policy.allows("http://localhost:9090", "localhost", "localhost:9090")).isTrue();
    assertThat(policy.allows("http://localhost:9090", "localhost", null)).isFalse();
    assertThat(policy.allows("http://localhost:9090", "app1:8080", "localhost:9090, proxy2"))
        .isTrue();
    assertThat(policy.allows("https://evil.example", "localhost", "localhost:9090")).isFalse();
    assertThat(policy.allows("http://localhost:9090", null, " ")).isFalse();
  }

  @Test
  void theFrontendOriginMayConnect() {
    var policy = policy("https://app.example.com, https://beta.example.com:8443");
    assertThat(policy.allows("https://app.example.com", "api.example.com")).isTrue();
    assertThat(policy.allows("https://beta.example.com:8443", "api.example.com")).isTrue();
    assertThat(policy.allows("http://app.example.com", "api.example.com")).isFalse();
  }

  @Test
  void clientsWithoutAnOriginAreNotBrowserPagesAndAuthenticateAsUsual() {
    assertThat(policy(null).allows(null, "code.example.com")).isTrue();
  }
}
