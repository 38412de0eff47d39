package org.codeshare.rooms.boundary;

import java.time.Instant;
import org.codeshare.rooms.entity.Room;

/** A room as the API shows it. */
public record RoomView(
    String slug,
    String title,
    String language,
    String linkAccess,
    boolean locked,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static RoomView of(Room room) {
    return new RoomView(
        room.slug(),
        room.title(),
        room.language().id(),
        room.linkAccess().name(),
        room.locked(),
        room.version(),
        room.createdAt(),
        room.updatedAt());
  }
}
