package org.codeshare.accounts.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "select u from User u where u.email = :email")
public class User {

  public static final String BY_EMAIL = "User.byEmail";
  public static final int MAX_EMAIL_LENGTH = 254;
  public static final int MAX_NAME_LENGTH = 100;

  @Id private UUID id;

  @Column(nullable = false, unique = true, length = MAX_EMAIL_LENGTH)
  private String email;

  @Column(name = "display_name", nullable = false, length = MAX_NAME_LENGTH)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean disabled;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login_at")
  private Instant lastLoginAt;

  /** Tokens issued before this instant are no longer accepted (disable, sign out everywhere). */
  @Column(name = "tokens_valid_after", nullable = false)
  private Instant tokensValidAfter;

  protected User() {}

  public User(String email, String displayName, String passwordHash, Role role, Instant now) {
    this.id = UUID.randomUUID();
    this.email = normalizeEmail(email);
    this.displayName = requireNonNull(displayName, "displayName").strip();
    this.passwordHash = requireNonNull(passwordHash, "passwordHash");
    this.role = requireNonNull(role, "role");
    this.createdAt = requireNonNull(now, "now");
    this.tokensValidAfter = now.minusSeconds(1);
  }

  public static String normalizeEmail(String email) {
    return requireNonNull(email, "email").strip().toLowerCase(Locale.ROOT);
  }

  public void loggedIn(Instant now) {
    this.lastLoginAt = now;
  }

  public void disable(Instant now) {
    this.disabled = true;
    this.tokensValidAfter = now;
  }

  public void enable() {
    this.disabled = false;
  }

  public void promoteToAdmin() {
    this.role = Role.ADMIN;
  }

  public void changePasswordHash(String passwordHash, Instant now) {
    this.passwordHash = requireNonNull(passwordHash, "passwordHash");
    this.tokensValidAfter = now;
  }

  public boolean acceptsTokenIssuedAt(Instant issuedAt) {
    return !disabled
        && !issuedAt.isBefore(tokensValidAfter.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  public UUID id() {
    return id;
  }

  public String email() {
    return email;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public boolean disabled() {
    return disabled;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastLoginAt() {
    return lastLoginAt;
  }
}
