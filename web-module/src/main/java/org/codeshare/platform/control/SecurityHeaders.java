package org.codeshare.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The security headers every response carries. The default policy allows only this origin: no
 * inline script, no framing, and WebSocket connections back to the same host.
 */
public final class SecurityHeaders {

  static final String PERMISSIONS_POLICY =
      "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(),"
          + " payment=(), usb=()";

  private final Optional<String> contentSecurityPolicy;
  private final boolean secure;
  private final long hstsMaxAgeSeconds;

  /**
   * @param contentSecurityPolicy a policy that replaces the default, when configured
   * @param secure whether the site is served over HTTPS only ({@code COOKIE_SECURE}), which turns
   *     on {@code Strict-Transport-Security}
   */
  public SecurityHeaders(
      Optional<String> contentSecurityPolicy, boolean secure, long hstsMaxAgeSeconds) {
    this.contentSecurityPolicy = contentSecurityPolicy.filter(policy -> !policy.isBlank());
    this.secure = secure;
    this.hstsMaxAgeSeconds = hstsMaxAgeSeconds;
  }

  /** The headers for a response to a request whose own origin is {@code ownOrigin}. */
  public Map<String, String> forOrigin(String ownOrigin) {
    var headers = new LinkedHashMap<String, String>();
    headers.put(
        "Content-Security-Policy", contentSecurityPolicy.orElseGet(() -> defaultPolicy(ownOrigin)));
    headers.put("X-Content-Type-Options", "nosniff");
    headers.put("X-Frame-Options", "DENY");
    headers.put("Referrer-Policy", "strict-origin-when-cross-origin");
    headers.put("Permissions-Policy", PERMISSIONS_POLICY);
    if (secure) {
      headers.put(
          "Strict-Transport-Security", "max-age=" + hstsMaxAgeSeconds + "; includeSubDomains");
    }
    return headers;
  }

  static String defaultPolicy(String ownOrigin) {
    return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
        + " font-src 'self'; connect-src 'self'"
        + webSocketSources(ownOrigin)
        + "; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
  }

  /**
   * ws: and wss: of this host (older browsers do not count them as 'self'); wss: only for https.
   */
  private static String webSocketSources(String ownOrigin) {
    return Origins.of(ownOrigin)
        .map(
            origin -> {
              var authority = origin.substring(origin.indexOf("://") + 3);
              var wss = " wss://" + authority;
              return origin.startsWith("https:") ? wss : " ws://" + authority + wss;
            })
        .orElse("");
  }
}
