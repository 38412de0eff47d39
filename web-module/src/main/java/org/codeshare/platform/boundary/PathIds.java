package org.codeshare.platform.boundary;

import jakarta.ws.rs.NotFoundException;
import java.util.UUID;

/** An id taken from a path: one that is not a UUID names nothing, so it is a 404. */
public final class PathIds {

  private PathIds() {}

  public static UUID uuid(String value) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException();
    }
  }
}
