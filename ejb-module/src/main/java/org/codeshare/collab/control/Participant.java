package org.codeshare.collab.control;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;

/**
 * One connection in a room. {@code userId} is null for guests; {@code canEdit} is the role and the
 * room's lock as they were on joining (the lock is checked again when each push commits).
 */
public record Participant(
    Peer peer, String subject, UUID userId, boolean canEdit, String language, Outlet outlet) {

  public Participant {
    requireNonNull(peer, "peer");
    requireNonNull(subject, "subject");
    requireNonNull(language, "language");
    requireNonNull(outlet, "outlet");
  }

  public String id() {
    return peer.id();
  }

  public RoomRole role() {
    return peer.role();
  }
}
