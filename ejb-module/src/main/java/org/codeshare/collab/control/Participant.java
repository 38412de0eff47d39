package org.codeshare.collab.control;

import static java.util.Objects.requireNonNull;

import java.util.UUID;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;

/**
 * One connection in a room. {@code userId} is null for guests; {@code manager} when the role comes
 * from the room's manage token. The role and {@code canEdit} are those of joining until the room's
 * access changes: then the room replaces the participant with one holding the new rights (the lock
 * is checked again when each push commits).
 */
public record Participant(
    Peer peer,
    String subject,
    UUID userId,
    boolean canEdit,
    String language,
    Outlet outlet,
    boolean manager) {

  public Participant {
    requireNonNull(peer, "peer");
    requireNonNull(subject, "subject");
    requireNonNull(language, "language");
    requireNonNull(outlet, "outlet");
  }

  public Participant(
      Peer peer, String subject, UUID userId, boolean canEdit, String language, Outlet outlet) {
    this(peer, subject, userId, canEdit, language, outlet, false);
  }

  public String id() {
    return peer.id();
  }

  public RoomRole role() {
    return peer.role();
  }

  /** The same connection with other rights. */
  public Participant withRights(RoomRole role, boolean canEdit) {
    var changed = new Peer(peer.id(), peer.name(), peer.color(), role);
    return new Participant(changed, subject, userId, canEdit, language, outlet, manager);
  }
}
