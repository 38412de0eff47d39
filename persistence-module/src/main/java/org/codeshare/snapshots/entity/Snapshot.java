package org.codeshare.snapshots.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * A room's text at one version: its checksum and size, where the object is, and why it was taken.
 * Only the label changes after it is written.
 */
@Entity
@Table(name = "snapshots")
@NamedQuery(
    name = Snapshot.NEWEST_FIRST,
    query = "select s from Snapshot s where s.key.roomId = :room order by s.key.version desc")
@NamedQuery(
    name = Snapshot.COUNT,
    query = "select count(s) from Snapshot s where s.key.roomId = :room")
public class Snapshot {

  public static final String NEWEST_FIRST = "Snapshot.newestFirst";
  public static final String COUNT = "Snapshot.count";
  public static final int MAX_LABEL_LENGTH = 200;

  @Embeddable
  public record Key(
      @Column(name = "room_id", nullable = false) UUID roomId,
      @Column(name = "version", nullable = false) long version)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Column(nullable = false, length = 64)
  private String sha256;

  @Column(nullable = false)
  private long size;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 8)
  private SnapshotStorage storage;

  @Column(name = "storage_key", nullable = false, length = 200)
  private String storageKey;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private SnapshotReason reason;

  @Column(length = MAX_LABEL_LENGTH)
  private String label;

  @Column(name = "created_by")
  private UUID createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Snapshot() {}

  /** {@code label} and {@code createdBy} may be null (timer snapshots, guests). */
  public Snapshot(
      UUID roomId,
      long version,
      String sha256,
      long size,
      SnapshotStorage storage,
      String storageKey,
      SnapshotReason reason,
      String label,
      UUID createdBy,
      Instant now) {
    if (version < 0 || size < 0) {
      throw new IllegalArgumentException("version and size cannot be negative");
    }
    this.key = new Key(requireNonNull(roomId, "roomId"), version);
    this.sha256 = requireNonNull(sha256, "sha256");
    this.size = size;
    this.storage = requireNonNull(storage, "storage");
    this.storageKey = requireNonNull(storageKey, "storageKey");
    this.reason = requireNonNull(reason, "reason");
    this.label = label;
    this.createdBy = createdBy;
    this.createdAt = requireNonNull(now, "now");
  }

  /**
   * A person saves, or a restore keeps, a version that is already here: their reason and label
   * replace the timer's; a manual save renames any entry.
   */
  public void keptAgain(SnapshotReason reason, String label, UUID by) {
    if (reason == SnapshotReason.MANUAL || this.reason == SnapshotReason.TIMER) {
      this.reason = requireNonNull(reason, "reason");
      this.label = label;
      this.createdBy = by;
    }
  }

  public UUID roomId() {
    return key.roomId();
  }

  public long version() {
    return key.version();
  }

  public String sha256() {
    return sha256;
  }

  public long size() {
    return size;
  }

  public SnapshotStorage storage() {
    return storage;
  }

  public String storageKey() {
    return storageKey;
  }

  public SnapshotReason reason() {
    return reason;
  }

  public String label() {
    return label;
  }

  public UUID createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
