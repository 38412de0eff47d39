package org.codeshare.rooms.entity;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/**
 * Who may do what in a room changed: its lock or link access, a member's role or membership, or the
 * room was deleted. Fired inside the transaction that made the change.
 */
public record RoomAccessChanged(UUID roomId) {

  public RoomAccessChanged {
    requireNonNull(roomId, "roomId");
  }
}
