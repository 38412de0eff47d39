package org.codeshare.accounts.control;

import jakarta.ejb.ApplicationException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.codeshare.accounts.entity.Role;
import org.codeshare.accounts.entity.User;

/**
 * The configured administrator's account, made sure of in a transaction of its own: created with
 * the configured password, or promoted if it exists (its password is never changed here). The
 * insert is flushed inside the transaction, so that a node losing the race to create the same
 * account sees the failure here and can look again.
 */
@Stateless
public class AdminAccount {

  /** What became of the account. */
  public enum Outcome {
    CREATED,
    PROMOTED,
    UNCHANGED
  }

  /** The account does not exist and no usable password is configured to create it. */
  @ApplicationException(rollback = true)
  public static class PasswordRequired extends RuntimeException {
    PasswordRequired() {
      super(
          "CODESHARE_ADMIN_PASSWORD (at least "
              + MIN_PASSWORD_LENGTH
              + " characters) is required to create the administrator CODESHARE_ADMIN_EMAIL");
    }
  }

  static final int MIN_PASSWORD_LENGTH = 10;

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Passwords passwords;

  Clock clock = Clock.systemUTC();

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Outcome ensure(String email, Optional<String> password) {
    var normalized = User.normalizeEmail(email);
    var existing =
        em.createNamedQuery(User.BY_EMAIL, User.class)
            .setParameter("email", normalized)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      if (existing.get().role() == Role.ADMIN) {
        return Outcome.UNCHANGED;
      }
      existing.get().promoteToAdmin();
      return Outcome.PROMOTED;
    }
    var secret =
        password.filter(v -> v.length() >= MIN_PASSWORD_LENGTH).orElseThrow(PasswordRequired::new);
    em.persist(
        new User(
            normalized,
            "Administrator",
            passwords.hash(secret.toCharArray()),
            Role.ADMIN,
            clock.instant()));
    em.flush();
    return Outcome.CREATED;
  }
}
