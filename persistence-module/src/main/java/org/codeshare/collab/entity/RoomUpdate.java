package org.codeshare.collab.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One accepted update of a room's document: the change that took it from {@code version - 1} to
 * {@code version}, as CodeMirror's ChangeSet JSON. Rows are written once and never changed.
 */
@Entity
@Table(name = "room_updates")
@NamedQuery(
    name = RoomUpdate.SINCE,
    query =
        "select new org.codeshare.collab.entity.StoredUpdate(u.key.version, u.clientId, u.changes)"
            + " from RoomUpdate u where u.key.roomId = :room and u.key.version > :version"
            + " order by u.key.version")
public class RoomUpdate {

  /** The updates of {@code room} after {@code version}, oldest first, as {@link StoredUpdate}s. */
  public static final String SINCE = "RoomUpdate.since";

  public static final int MAX_CLIENT_ID_LENGTH = 64;
  public static final int MAX_CHANGES_LENGTH = 1_048_576;

  @Embeddable
  public record Key(
      @Column(name = "room_id", nullable = false) UUID roomId,
      @Column(name = "version", nullable = false) long version)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(name = "client_id", nullable = false, length = MAX_CLIENT_ID_LENGTH)
  private String clientId;

  @Column(name = "author_id")
  private UUID authorId;

  @Column(nullable = false, length = MAX_CHANGES_LENGTH)
  private String changes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RoomUpdate() {}

  /** {@code authorId} is null for guests without an account. */
  public RoomUpdate(
      UUID roomId, long version, String clientId, UUID authorId, String changes, Instant now) {
    if (version < 1) {
      throw new IllegalArgumentException("versions start at 1, was " + version);
    }
    this.key = new Key(requireNonNull(roomId, "roomId"), version);
    this.clientId = requireNonNull(clientId, "clientId");
    this.authorId = authorId;
    this.changes = requireNonNull(changes, "changes");
    this.createdAt = requireNonNull(now, "now");
  }

  public UUID roomId() {
    return key.roomId();
  }

  public long version() {
    return key.version();
  }

  public String clientId() {
    return clientId;
  }

  public UUID authorId() {
    return authorId;
  }

  /** The change set as CodeMirror's JSON text. */
  public String changes() {
    return changes;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
