package org.codeshare.rooms.entity;

import org.codeshare.problems.entity.ProblemException;

public class RoomNotFound extends ProblemException {

  public RoomNotFound(String slug) {
    super(404, "room-not-found", "Room not found", "There is no room '" + slug + "'.");
  }
}
