package org.codeshare.rooms.entity;

import org.codeshare.problems.entity.ProblemException;

public class RoomForbidden extends ProblemException {

  public RoomForbidden(String detail) {
    super(403, "room-forbidden", "Not allowed in this room", detail);
  }
}
