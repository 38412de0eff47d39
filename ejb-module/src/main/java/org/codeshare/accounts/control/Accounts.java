package org.codeshare.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.accounts.entity.AccountDisabled;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.EmailTaken;
import org.codeshare.accounts.entity.InvalidCredentials;
import org.codeshare.accounts.entity.InvalidToken;
import org.codeshare.accounts.entity.RevokedToken;
import org.codeshare.accounts.entity.Role;
import org.codeshare.accounts.entity.User;
import org.codeshare.rooms.control.RoomMembers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Stateless
public class Accounts {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Passwords passwords;
  @Inject Tokens tokens;
  @Inject RoomMembers members;

  @Inject
  @ConfigProperty(name = "codeshare.jwt.session-ttl", defaultValue = "PT12H")
  Duration sessionTtl; // converted, and so checked, when the application deploys

  Clock clock = Clock.systemUTC();

  /** A signed-in account and the token that proves it. */
  public record Session(User user, Tokens.Issued token) {}

  public Session register(String email, char[] password, String displayName) {
    var normalized = User.normalizeEmail(email);
    if (byEmail(normalized).isPresent()) {
      throw new EmailTaken();
    }
    var user =
        new User(normalized, displayName, passwords.hash(password), Role.USER, clock.instant());
    user.loggedIn(clock.instant());
    em.persist(user);
    em.flush();
    members.redeemInvitations(user);
    return new Session(user, issue(user));
  }

  public Session login(String email, char[] password) {
    var user = byEmail(User.normalizeEmail(email));
    if (user.isEmpty()) {
      passwords.matchNothing(password);
      throw new InvalidCredentials();
    }
    if (!passwords.matches(password, user.get().passwordHash())) {
      throw new InvalidCredentials();
    }
    if (user.get().disabled()) {
      throw new AccountDisabled();
    }
    user.get().loggedIn(clock.instant());
    return new Session(user.get(), issue(user.get()));
  }

  /**
   * The account of a session token MicroProfile JWT has verified (signature, issuer, audience,
   * expiry), if the token is still good by our own rules: not before its time, the account exists
   * and is enabled, no password change or sign-out since.
   */
  public Caller authenticate(JsonWebToken token) {
    var now = clock.instant();
    if (token.getAudience() == null || !token.getAudience().contains(Tokens.SESSION)) {
      throw new InvalidToken("token is not for this use");
    }
    Long notBefore = token.getClaim(Claims.nbf);
    if (notBefore != null && now.plusSeconds(30).isBefore(Instant.ofEpochSecond(notBefore))) {
      throw new InvalidToken("token not yet valid");
    }
    if (!Objects.equals(token.getName(), token.getSubject())) {
      // Tokens of older versions named the caller by email (upn); the caller name is the user id.
      throw new InvalidToken("token of an older version, sign in again");
    }
    var user = em.find(User.class, parseId(token.getSubject()));
    if (user == null) {
      throw new InvalidToken("unknown account");
    }
    if (user.disabled()) {
      throw new InvalidToken("account disabled");
    }
    if (!user.acceptsTokenIssuedAt(Instant.ofEpochSecond(token.getIssuedAtTime()))) {
      throw new InvalidToken("token revoked");
    }
    if (em.find(RevokedToken.class, token.getTokenID()) != null) {
      throw new InvalidToken("token revoked");
    }
    return Caller.of(user);
  }

  /** Signs the session out: its token is refused from now on, on every node. */
  public void logout(String token) {
    var verified = tokens.verify(token, Tokens.SESSION);
    if (em.find(RevokedToken.class, verified.jti()) == null) {
      em.persist(new RevokedToken(verified.jti(), verified.expiresAt()));
    }
  }

  public User user(UUID id) {
    return Optional.ofNullable(em.find(User.class, id))
        .orElseThrow(() -> new InvalidToken("unknown account"));
  }

  public Optional<User> byEmail(String normalizedEmail) {
    return em.createNamedQuery(User.BY_EMAIL, User.class)
        .setParameter("email", normalizedEmail)
        .getResultStream()
        .findFirst();
  }

  private Tokens.Issued issue(User user) {
    return tokens.issue(
        Tokens.SESSION,
        user.id().toString(),
        sessionTtl,
        List.of(user.role().name()),
        Map.of("email", user.email(), "name", user.displayName()));
  }

  static UUID parseId(String subject) {
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException e) {
      throw new InvalidToken("malformed subject");
    }
  }
}
