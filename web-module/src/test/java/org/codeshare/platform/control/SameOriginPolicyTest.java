package org.codeshare.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SameOriginPolicyTest {

  private static final String OWN = "https://codeshare.example.org";

  private final SameOriginPolicy policy =
      new SameOriginPolicy(Origins.parseList("http://localhost:5173, https://app.example.org"));

  @Test
  void safeMethodsAreNeverChecked() {
    for (var method : new String[] {"GET", "HEAD", "OPTIONS", "get"}) {
      assertThat(policy.permits(cookie(method, "https://evil.example", null))).as(method).isTrue();
    }
  }

  @Test
  void writesWithoutTheSessionCookieAreNotChecked() {
    var request =
        new SameOriginPolicy.Request("POST", false, false, "https://evil.example", null, OWN);
    assertThat(policy.permits(request)).isTrue();
  }

  @Test
  void writesWithAnAuthorizationHeaderAreNotChecked() {
    var request =
        new SameOriginPolicy.Request("DELETE", true, true, "https://evil.example", null, OWN);
    assertThat(policy.permits(request)).isTrue();
  }

  @Test
  void cookieWritesFromThisOriginOrAFrontEndOriginPass() {
    assertThat(policy.permits(cookie("POST", OWN, null))).isTrue();
    assertThat(policy.permits(cookie("POST", "https://CodeShare.example.org:443", null))).isTrue();
    assertThat(policy.permits(cookie("PUT", "http://localhost:5173", null))).isTrue();
    assertThat(policy.permits(cookie("PATCH", "https://app.example.org", null))).isTrue();
  }

  @Test
  void cookieWritesFromOtherOriginsAreRefused() {
    for (var origin :
        new String[] {
          "https://evil.example",
          "http://codeshare.example.org",
          "https://codeshare.example.org:8443",
          "https://codeshare.example.org.evil.example",
          "null",
          "http://localhost:5174"
        }) {
      assertThat(policy.permits(cookie("POST", origin, null))).as(origin).isFalse();
    }
  }

  @Test
  void withoutOriginTheRefererDecides() {
    assertThat(policy.permits(cookie("POST", null, OWN + "/rooms/abc?x=1"))).isTrue();
    assertThat(policy.permits(cookie("POST", null, "https://evil.example/" + OWN))).isFalse();
  }

  @Test
  void anOriginHeaderIsNotOverriddenByTheReferer() {
    assertThat(policy.permits(cookie("POST", "https://evil.example", OWN + "/"))).isFalse();
    assertThat(policy.permits(cookie("POST", "null", OWN + "/"))).isFalse();
  }

  @Test
  void withNeitherOriginNorRefererACookieWriteIsRefused() {
    assertThat(policy.permits(cookie("POST", null, null))).isFalse();
  }

  @Test
  void anUnknownOwnOriginOnlyTrustsTheFrontEnd() {
    var request =
        new SameOriginPolicy.Request("POST", true, false, "https://app.example.org", null, null);
    assertThat(policy.permits(request)).isTrue();
    assertThat(new SameOriginPolicy(Set.of()).permits(request)).isFalse();
  }

  @Test
  void originsAreComparedInCanonicalForm() {
    assertThat(Origins.of("HTTPS://Example.ORG:443/")).contains("https://example.org");
    assertThat(Origins.of("http://example.org:80")).contains("http://example.org");
    assertThat(Origins.of("http://[::1]:8080")).contains("http://[::1]:8080");
    assertThat(Origins.of("ftp://example.org")).isEmpty();
    assertThat(Origins.of("null")).isEmpty();
    assertThat(Origins.of("not a url")).isEmpty();
  }

  private static SameOriginPolicy.Request cookie(String method, String origin, String referer) {
    return new SameOriginPolicy.Request(method, true, false, origin, referer, OWN);
  }
}
