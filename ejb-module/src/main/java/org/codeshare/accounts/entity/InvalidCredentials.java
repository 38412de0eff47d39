package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

public class InvalidCredentials extends ProblemException {

  public InvalidCredentials() {
    super(401, "invalid-credentials", "Invalid credentials", "Email or password is wrong.");
  }
}
