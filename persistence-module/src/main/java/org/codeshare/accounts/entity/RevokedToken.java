package org.codeshare.accounts.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signed-out session: its token id is refused until the token would have expired anyway. */
@Entity
@Table(name = "revoked_tokens")
public class RevokedToken {

  @Id
  @Column(length = 64)
  private String jti;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  protected RevokedToken() {}

  public RevokedToken(String jti, Instant expiresAt) {
    this.jti = requireNonNull(jti, "jti");
    this.expiresAt = requireNonNull(expiresAt, "expiresAt");
  }

  public String jti() {
    return jti;
  }
}
