package org.codeshare.presence.entity;

import static java.util.Objects.requireNonNull;

import org.codeshare.rooms.entity.RoomRole;

/** Someone connected to a room, as the others see them: one entry per connection. */
public record Peer(String id, String name, String color, RoomRole role) {

  public Peer {
    requireNonNull(id, "id");
    requireNonNull(name, "name");
    requireNonNull(color, "color");
    requireNonNull(role, "role");
  }
}
