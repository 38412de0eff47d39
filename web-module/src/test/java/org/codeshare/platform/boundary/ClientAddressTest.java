package org.codeshare.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

  @Test
  void forwardedHeadersFromAnUntrustedPeerAreIgnored() {
    var addresses = clientAddress("none");
    var request =
        request(
            "203.0.113.5",
            "http",
            Map.of(
                "Host", "localhost:8080",
                "X-Forwarded-For", "198.51.100.1",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "evil.example"));

    assertThat(addresses.of(request)).isEqualTo("203.0.113.5");
    assertThat(addresses.originOf(request)).contains("http://localhost:8080");
    assertThat(addresses.forwardedHost(request)).isEmpty();
  }

  @Test
  void behindATrustedProxyTheForwardedClientAndOriginCount() {
    var addresses = clientAddress("127.0.0.0/8, ::1/128");
    var request =
        request(
            "127.0.0.1",
            "http",
            Map.of(
                "Host", "app1",
                "X-Forwarded-For", "198.51.100.1, 127.0.0.2",
                "X-Forwarded-Proto", "https",
                "X-Forwarded-Host", "CodeShare.example.org"));

    assertThat(addresses.of(request)).isEqualTo("198.51.100.1");
    assertThat(addresses.originOf(request)).contains("https://codeshare.example.org");
    assertThat(addresses.forwardedHost(request)).contains("CodeShare.example.org");
  }

  @Test
  void anInvalidForwardedProtoFallsBackToTheRequestScheme() {
    var addresses = clientAddress("127.0.0.1");
    var request =
        request("127.0.0.1", "http", Map.of("Host", "cs:8080", "X-Forwarded-Proto", "gopher"));

    assertThat(addresses.originOf(request)).contains("http://cs:8080");
  }

  private static ClientAddress clientAddress(String trusted) {
    var addresses = new ClientAddress();
    addresses.trustedProxies = trusted;
    addresses.init();
    return addresses;
  }

  private static HttpServletRequest request(
      String peer, String scheme, Map<String, String> headers) {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ClientAddressTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getRemoteAddr" -> peer;
                  case "getScheme" -> scheme;
                  case "getServerName" -> "fallback";
                  case "getServerPort" -> 80;
                  case "getHeader" -> headers.get((String) args[0]);
                  case "getHeaders" ->
                      Collections.enumeration(
                          headers.containsKey((String) args[0])
                              ? List.of(headers.get((String) args[0]))
                              : List.<String>of());
                  default -> throw new UnsupportedOperationException(method.getName());
                });
  }
}
