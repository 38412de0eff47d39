package org.codeshare.accounts.boundary;

import java.time.Instant;
import org.codeshare.accounts.entity.User;

/**
 * An account as the API shows it. {@code sessionExpiresAt}, when the session the caller presented
 * ends, is only in {@code GET /api/me}; elsewhere it is null, and null properties are left out.
 */
public record UserView(
    String id,
    String email,
    String displayName,
    String role,
    boolean disabled,
    Instant createdAt,
    Instant lastLoginAt,
    Instant sessionExpiresAt) {

  public static UserView of(User user) {
    return of(user, null);
  }

  static UserView of(User user, Instant sessionExpiresAt) {
    return new UserView(
        user.id().toString(),
        user.email(),
        user.displayName(),
        user.role().name(),
        user.disabled(),
        user.createdAt(),
        user.lastLoginAt(),
        sessionExpiresAt);
  }
}
