package org.codeshare.accounts.entity;

import java.util.UUID;

/** Who is making a request: a signed-in account, or nobody in particular. */
public record Caller(UUID userId, Role role, String displayName, String email) {

  public static final Caller ANONYMOUS = new Caller(null, null, null, null);

  public static Caller of(User user) {
    return new Caller(user.id(), user.role(), user.displayName(), user.email());
  }

  public boolean signedIn() {
    return userId != null;
  }

  public boolean admin() {
    return role == Role.ADMIN;
  }

  public Caller requireSignedIn() {
    if (!signedIn()) {
      throw new NotSignedIn();
    }
    return this;
  }

  public Caller requireAdmin() {
    requireSignedIn();
    if (!admin()) {
      throw new AdminOnly();
    }
    return this;
  }
}
