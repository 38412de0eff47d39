package org.codeshare.rooms.boundary;

import java.time.Instant;
import org.codeshare.rooms.control.Rooms;

/**
 * A room as the API shows it to one caller: {@code role} and {@code canEdit} are theirs; {@code
 * manageToken} appears once, in the answer to an anonymous creation.
 */
public record RoomView(
    String slug,
    String title,
    String language,
    String linkAccess,
    boolean locked,
    long version,
    Instant createdAt,
    Instant updatedAt,
    String role,
    boolean canEdit,
    String manageToken) {

  static RoomView of(Rooms.Visible visible) {
    var room = visible.room();
    return new RoomView(
        room.slug(),
        room.title(),
        room.language().id(),
        room.linkAccess().name(),
        room.locked(),
        room.version(),
        room.createdAt(),
        room.updatedAt(),
        visible.role().name(),
        visible.canEdit(),
        null);
  }

  static RoomView of(Rooms.Created created) {
    var view = of(created.room());
    return new RoomView(
        view.slug,
        view.title,
        view.language,
        view.linkAccess,
        view.locked,
        view.version,
        view.createdAt,
        view.updatedAt,
        view.role,
        view.canEdit,
        created.manageToken().orElse(null));
  }
}
