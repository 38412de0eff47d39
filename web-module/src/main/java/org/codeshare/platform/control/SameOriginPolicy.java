package org.codeshare.platform.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The CSRF defence for cookie sessions. Browsers attach the session cookie to cross-site requests
 * too, so a state-changing request that authenticates by cookie alone must prove where it comes
 * from: its {@code Origin} (or, without one, its {@code Referer}) must be this server's own origin
 * or a configured front-end origin. A request with an {@code Authorization} header is not at risk:
 * no other site can make a browser send that header.
 */
public final class SameOriginPolicy {

  public static final String SESSION_COOKIE = "codeshare_session";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final Set<String> trustedOrigins;

  public SameOriginPolicy(Set<String> trustedOrigins) {
    this.trustedOrigins = Set.copyOf(trustedOrigins);
  }

  /** What the check looks at in one request. */
  public record Request(
      String method,
      boolean sessionCookie,
      boolean authorization,
      String origin,
      String referer,
      String ownOrigin) {}

  public boolean permits(Request request) {
    if (SAFE_METHODS.contains(request.method().toUpperCase(Locale.ROOT))
        || !request.sessionCookie()
        || request.authorization()) {
      return true;
    }
    Optional<String> claimed =
        request.origin() != null ? Origins.of(request.origin()) : Origins.of(request.referer());
    return claimed
        .filter(
            origin ->
                origin.equals(Origins.of(request.ownOrigin()).orElse(null))
                    || trustedOrigins.contains(origin))
        .isPresent();
  }
}
