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

/** An invitation by email for someone without an account yet; redeemed when they register. */
@Entity
@Table(name = "room_invitations")
public class RoomInvitation {

  @Embeddable
  public record Key(
      @Column(name = "room_id", nullable = false) UUID roomId,
      @Column(name = "email", nullable = false, length = 254) String email)
      implements Serializable {}

  @EmbeddedId private Key key;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private RoomRole role;

  @Column(name = "invited_by")
  private UUID invitedBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected RoomInvitation() {}

  public RoomInvitation(UUID roomId, String email, RoomRole role, UUID invitedBy, Instant now) {
    this.key = new Key(requireNonNull(roomId, "roomId"), requireNonNull(email, "email"));
    this.role = requireNonNull(role, "role");
    this.invitedBy = invitedBy;
    this.createdAt = requireNonNull(now, "now");
  }

  public UUID roomId() {
    return key.roomId();
  }

  public String email() {
    return key.email();
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
