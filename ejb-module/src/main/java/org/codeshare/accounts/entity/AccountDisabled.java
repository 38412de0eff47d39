package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

public class AccountDisabled extends ProblemException {

  public AccountDisabled() {
    super(
        403,
        "account-disabled",
        "Account disabled",
        "This account has been disabled by an administrator.");
  }
}
