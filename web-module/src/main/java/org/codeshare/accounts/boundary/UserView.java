package org.codeshare.accounts.boundary;

import java.time.Instant;
import org.codeshare.accounts.entity.User;

public record UserView(
    String id,
    String email,
    String displayName,
    String role,
    boolean disabled,
    Instant createdAt,
    Instant lastLoginAt) {

  public static UserView of(User user) {
    return new UserView(
        user.id().toString(),
        user.email(),
        user.displayName(),
        user.role().name(),
        user.disabled(),
        user.createdAt(),
        user.lastLoginAt());
  }
}
