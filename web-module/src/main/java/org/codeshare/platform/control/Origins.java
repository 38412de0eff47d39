package org.codeshare.platform.control;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Web origins ({@code scheme://host[:port]}) in one canonical form, so they compare as strings. */
public final class Origins {

  private Origins() {}

  /**
   * The origin of an {@code Origin} header value or of a URL such as a {@code Referer}: lower-case
   * scheme and host, the port only when it is not the scheme's default. Empty for anything that is
   * not an http(s) origin, including the opaque {@code null}.
   */
  public static Optional<String> of(String originOrUrl) {
    if (originOrUrl == null || originOrUrl.isBlank()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = new URI(originOrUrl.strip());
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if ((!scheme.equals("http") && !scheme.equals("https")) || uri.getHost() == null) {
      return Optional.empty();
    }
    var port = uri.getPort();
    var defaultPort = scheme.equals("https") ? 443 : 80;
    var host = uri.getHost().toLowerCase(Locale.ROOT);
    return Optional.of(scheme + "://" + host + (port < 0 || port == defaultPort ? "" : ":" + port));
  }

  /** A comma-separated list of origins, such as {@code FRONTEND_ORIGIN}; invalid entries fail. */
  public static Set<String> parseList(String origins) {
    if (origins == null || origins.isBlank()) {
      return Set.of();
    }
    return Arrays.stream(origins.split(","))
        .map(String::strip)
        .filter(origin -> !origin.isEmpty())
        .map(
            origin ->
                of(origin)
                    .orElseThrow(
                        () -> new IllegalArgumentException("not an http(s) origin: " + origin)))
        .collect(Collectors.toUnmodifiableSet());
  }
}
