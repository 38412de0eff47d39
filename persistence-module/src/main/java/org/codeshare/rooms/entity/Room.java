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

  @Column(nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  protected Room() {}

  public Room(String slug, String title, Language language, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = requireNonNull(slug, "slug");
    this.title = requireNonNull(title, "title");
    this.language = requireNonNull(language, "language").id();
    this.linkAccess = LinkAccess.EDIT;
    this.createdAt = requireNonNull(now, "now");
    this.updatedAt = now;
    if (title.isBlank() || title.length() > MAX_TITLE_LENGTH) {
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

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
