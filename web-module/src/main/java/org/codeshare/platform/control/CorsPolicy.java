package org.codeshare.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Cross-origin access for the configured front-end origins only ({@code FRONTEND_ORIGIN}); with
 * none configured, no CORS header is ever sent and browsers keep other sites out.
 */
public final class CorsPolicy {

  static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Request-Id, X-Manage-Token";
  static final String EXPOSED_HEADERS =
      "Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id";
  static final String MAX_AGE_SECONDS = "600";

  private final Set<String> allowedOrigins;

  public CorsPolicy(Set<String> allowedOrigins) {
    this.allowedOrigins = Set.copyOf(allowedOrigins);
  }

  public boolean enabled() {
    return !allowedOrigins.isEmpty();
  }

  public boolean allows(String origin) {
    return Origins.of(origin).filter(allowedOrigins::contains).isPresent();
  }

  public static boolean isPreflight(String method, String origin, String requestedMethod) {
    return "OPTIONS".equalsIgnoreCase(method) && origin != null && requestedMethod != null;
  }

  /** Headers for an allowed origin's actual request. */
  public Map<String, String> actualResponseHeaders(String origin) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Allow-Credentials", "true");
    headers.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
    return headers;
  }

  /** Headers answering an allowed origin's preflight. */
  public Map<String, String> preflightResponseHeaders(String origin) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Access-Control-Allow-Origin", origin);
    headers.put("Access-Control-Allow-Credentials", "true");
    headers.put("Access-Control-Allow-Methods", ALLOWED_METHODS);
    headers.put("Access-Control-Allow-Headers", ALLOWED_HEADERS);
    headers.put("Access-Control-Max-Age", MAX_AGE_SECONDS);
    return headers;
  }
}
