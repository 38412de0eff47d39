package org.codeshare.admin.boundary;

import java.time.Instant;
import org.codeshare.rooms.entity.Room;

public record AdminRoomView(
    String slug,
    String title,
    String language,
    String linkAccess,
    boolean locked,
    String ownerId,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  static AdminRoomView of(Room room) {
    return new AdminRoomView(
        room.slug(),
        room.title(),
        room.language().id(),
        room.linkAccess().name(),
        room.locked(),
        room.ownerId() == null ? null : room.ownerId().toString(),
        room.version(),
        room.createdAt(),
        room.updatedAt());
  }
}
