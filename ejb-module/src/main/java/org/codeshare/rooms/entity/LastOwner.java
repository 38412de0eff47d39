package org.codeshare.rooms.entity;

import org.codeshare.problems.entity.ProblemException;

public class LastOwner extends ProblemException {

  public LastOwner() {
    super(409, "last-owner", "Room needs an owner", "A room must keep at least one owner.");
  }
}
