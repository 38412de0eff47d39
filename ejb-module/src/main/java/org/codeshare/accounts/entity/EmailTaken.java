package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

public class EmailTaken extends ProblemException {

  public EmailTaken() {
    super(
        409,
        "email-taken",
        "Email already registered",
        "An account with this email already exists.");
  }
}
