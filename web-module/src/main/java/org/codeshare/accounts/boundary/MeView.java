package org.codeshare.accounts.boundary;

import java.time.Instant;
import org.codeshare.accounts.entity.User;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in account, and when the session it presented ends. */
public record MeView(
    String id,
    String email,
    String displayName,
    String role,
    boolean disabled,
    Instant createdAt,
    Instant lastLoginAt,
    Instant sessionExpiresAt) {

  static MeView of(User user, JsonWebToken session) {
    var account = UserView.of(user);
    return new MeView(
        account.id(),
        account.email(),
        account.displayName(),
        account.role(),
        account.disabled(),
        account.createdAt(),
        account.lastLoginAt(),
        Instant.ofEpochSecond(session.getExpirationTime()));
  }
}
