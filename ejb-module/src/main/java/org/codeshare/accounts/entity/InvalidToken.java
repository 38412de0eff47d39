package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

/** A token that is malformed, forged, expired, revoked, or whose account is disabled. */
public class InvalidToken extends ProblemException {

  public InvalidToken(String detail) {
    super(401, "invalid-token", "Invalid token", detail);
  }
}
