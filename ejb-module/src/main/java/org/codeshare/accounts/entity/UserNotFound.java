package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

public class UserNotFound extends ProblemException {

  public UserNotFound() {
    super(404, "user-not-found", "User not found", "There is no such account.");
  }
}
