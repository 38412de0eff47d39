package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

public class NotSignedIn extends ProblemException {

  public NotSignedIn() {
    super(401, "not-signed-in", "Sign-in required", "Sign in to do this.");
  }
}
