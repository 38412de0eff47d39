package org.codeshare.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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

@Stateless
public class Accounts {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Passwords passwords;
  @Inject Tokens tokens;
  @Inject RoomMembers members;

  @Inject
  @ConfigProperty(name = "codeshare.jwt.session-ttl", defaultValue = "PT12H")
  String sessionTtl;

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

  /** The account a session token belongs to, if the token is still good. */
  public Caller authenticate(String token) {
    var verified = tokens.verify(token, Tokens.SESSION);
    var user = em.find(User.class, parseId(verified.subject()));
    if (user == null) {
      throw new InvalidToken("unknown account");
    }
    if (user.disabled()) {
      throw new InvalidToken("account disabled");
    }
    if (!user.acceptsTokenIssuedAt(verified.issuedAt())) {
      throw new InvalidToken("token revoked");
    }
    if (em.find(RevokedToken.class, verified.jti()) != null) {
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
        Duration.parse(sessionTtl),
        List.of(user.role().name()),
        Map.of("upn", user.email(), "name", user.displayName()));
  }

  static UUID parseId(String subject) {
    try {
      return UUID.fromString(subject);
    } catch (IllegalArgumentException e) {
      throw new InvalidToken("malformed subject");
    }
  }
}
