package org.codeshare.accounts.boundary;

import java.time.Instant;
import org.codeshare.accounts.control.Accounts;

/** A new session: the account, and the bearer token for API clients (browsers use the cookie). */
public record SessionView(UserView user, String token, Instant expiresAt) {

  static SessionView of(Accounts.Session session) {
    return new SessionView(
        UserView.of(session.user()), session.token().token(), session.token().expiresAt());
  }
}
