package org.codeshare.rooms.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "rooms")
@NamedQuery(
    name = Room.BY_SLUG,
    query = "select r from Room r where r.slug = :slug and r.deletedAt is null")
public class Room {

  public static final String BY_SLUG = "Room.bySlug";
  public static final int MAX_TITLE_LENGTH = 200;

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = 32)
  private String slug;

  @Column(nullable = false, length = MAX_TITLE_LENGTH)
  private String title;

  @Column(nullable = false, length = 40)
  private String language;

  @Column(name = "owner_id")
  private UUID ownerId;

  @Enumerated(EnumType.STRING)
  @Column(name = "link_access", nullable = false, length = 16)
  private LinkAccess linkAccess;

  @Column(nullable = false)
  private boolean locked;

  // Only the collaboration sequencer moves the version, with a guarded bulk update; leaving it
  // out of entity updates keeps a concurrent settings change from writing back a stale version.
  @Column(nullable = false, updatable = false)
  private long version;

  // Snapshot bookkeeping, moved only by the snapshot writer's guarded bulk updates.
  @Column(name = "snapshot_version", nullable = false, insertable = false, updatable = false)
  private long snapshotVersion;

  @Column(name = "history_floor", nullable = false, insertable = false, updatable = false)
  private long historyFloor;

  @Column(name = "snapshot_lease_until", insertable = false, updatable = false)
  private Instant snapshotLeaseUntil;

  @Column(name = "snapshot_failures", nullable = false, insertable = false, updatable = false)
  private int snapshotFailures;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  @Column(name = "manage_token_hash", length = 64)
  private String manageTokenHash;

  protected Room() {}

  public Room(String slug, String title, Language language, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = requireNonNull(slug, "slug");
    this.title = requireNonNull(title, "title");
    this.language = requireNonNull(language, "language").id();
    this.linkAccess = LinkAccess.EDIT;
    this.createdAt = requireNonNull(now, "now");
    this.updatedAt = now;
    requireValidTitle(title);
  }

  /** A signed-in creator owns the room. */
  public void ownedBy(UUID userId) {
    this.ownerId = requireNonNull(userId, "userId");
  }

  /** An anonymous creator manages the room with a secret whose hash is kept here. */
  public void manageableWith(String tokenHash) {
    this.manageTokenHash = requireNonNull(tokenHash, "tokenHash");
  }

  public boolean manageTokenMatches(String tokenHash) {
    return manageTokenHash != null
        && tokenHash != null
        && java.security.MessageDigest.isEqual(
            manageTokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            tokenHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }

  public void rename(String title, Instant now) {
    requireValidTitle(title);
    this.title = title;
    touch(now);
  }

  public void changeLanguage(Language language, Instant now) {
    this.language = requireNonNull(language, "language").id();
    touch(now);
  }

  public void changeLinkAccess(LinkAccess linkAccess, Instant now) {
    this.linkAccess = requireNonNull(linkAccess, "linkAccess");
    touch(now);
  }

  public void lock(boolean locked, Instant now) {
    this.locked = locked;
    touch(now);
  }

  public void delete(Instant now) {
    this.deletedAt = requireNonNull(now, "now");
    touch(now);
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  private void touch(Instant now) {
    this.updatedAt = requireNonNull(now, "now");
  }

  private static void requireValidTitle(String title) {
    if (title == null || title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
      throw new IllegalArgumentException("title must have 1 to " + MAX_TITLE_LENGTH + " chars");
    }
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public Language language() {
    return Language.byId(language).orElse(Language.PLAINTEXT);
  }

  public UUID ownerId() {
    return ownerId;
  }

  public LinkAccess linkAccess() {
    return linkAccess;
  }

  public boolean locked() {
    return locked;
  }

  public long version() {
    return version;
  }

  /** The version of the newest snapshot, 0 before the first. */
  public long snapshotVersion() {
    return snapshotVersion;
  }

  /** Updates up to this version were compacted away; a client behind it must resync. */
  public long historyFloor() {
    return historyFloor;
  }

  public int snapshotFailures() {
    return snapshotFailures;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
