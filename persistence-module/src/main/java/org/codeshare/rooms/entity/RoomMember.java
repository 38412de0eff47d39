package org.codeshare.rooms.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "room_members")
public class RoomMember {

  @Embeddable
  public record Key(
      @Column(name = "room_id", nullable = false) UUID roomId,
      @Column(name = "user_id", nullable = false) UUID userId)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RoomRole role;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RoomMember() {}

  public RoomMember(UUID roomId, UUID userId, RoomRole role, Instant now) {
    this.key = new Key(requireNonNull(roomId, "roomId"), requireNonNull(userId, "userId"));
    this.role = requireNonNull(role, "role");
    this.createdAt = requireNonNull(now, "now");
  }

  public UUID roomId() {
    return key.roomId();
  }

  public UUID userId() {
    return key.userId();
  }

  public RoomRole role() {
    return role;
  }

  public void changeRole(RoomRole role) {
    this.role = requireNonNull(role, "role");
  }

  public Instant createdAt() {
    return createdAt;
  }
}
