package org.codeshare.collab.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which pages may open an editor socket: those served by this host (as the request's {@code Host}
 * names it, or the {@code X-Forwarded-Host} of the proxy in front), and {@code FRONTEND_ORIGIN}
 * (comma-separated origins). Browsers always send {@code Origin} on a WebSocket handshake, so a
 * request without one is not a browser page and cannot be a cross-site hijack; it is let through to
 * authenticate like any API client.
 */
@ApplicationScoped
public class OriginPolicy {

  @Inject
  @ConfigProperty(name = "FRONTEND_ORIGIN")
  Optional<String> frontendOrigin;

  /**
   * Whether a page at {@code origin} may open a socket with a request addressed to one of {@code
   * hosts} ({@code Host}, and {@code X-Forwarded-Host} behind a proxy; nulls are skipped).
   */
  public boolean allows(String origin, String... hosts) {
    if (origin == null) {
      return true;
    }
    var normalized = normalize(origin);
    if (normalized.isEmpty()) {
      return false;
    }
    if (frontendOrigin.stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(OriginPolicy::normalize)
        .anyMatch(normalized::equals)) {
      return true;
    }
    var page = URI.create(normalized.get());
    return hosts != null
        && Arrays.stream(hosts)
            .filter(host -> host != null && !host.isBlank())
            .map(host -> host.split(",")[0]) // the first proxy's, when several added theirs
            .anyMatch(host -> sameAuthority(page, host));
  }

  /** {@code scheme://host:port} in lower case with the port spelled out, or empty if not one. */
  static Optional<String> normalize(String origin) {
    try {
      var uri = new URI(origin.strip());
      var scheme = uri.getScheme();
      if (scheme == null
          || uri.getHost() == null
          || uri.getRawPath() != null
              && !uri.getRawPath().isEmpty()
              && !uri.getRawPath().equals("/")) {
        return Optional.empty();
      }
      scheme = scheme.toLowerCase(Locale.ROOT);
      var port = uri.getPort() != -1 ? uri.getPort() : defaultPort(scheme);
      return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port);
    } catch (java.net.URISyntaxException e) {
      return Optional.empty();
    }
  }

  private static boolean sameAuthority(URI origin, String host) {
    try {
      var parsed = new URI(origin.getScheme() + "://" + host.strip());
      if (parsed.getHost() == null) {
        return false;
      }
      int port = parsed.getPort() != -1 ? parsed.getPort() : defaultPort(origin.getScheme());
      return parsed.getHost().equalsIgnoreCase(origin.getHost()) && port == origin.getPort();
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  private static int defaultPort(String scheme) {
    return "https".equals(scheme) || "wss".equals(scheme) ? 443 : 80;
  }
}
