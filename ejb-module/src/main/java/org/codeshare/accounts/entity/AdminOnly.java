package org.codeshare.accounts.entity;

import org.codeshare.problems.entity.ProblemException;

public class AdminOnly extends ProblemException {

  public AdminOnly() {
    super(403, "admin-only", "Administrators only", "Only administrators may do this.");
  }
}
