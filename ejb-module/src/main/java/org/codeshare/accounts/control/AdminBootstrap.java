package org.codeshare.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.codeshare.accounts.entity.Role;
import org.codeshare.accounts.entity.User;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator from {@code CODESHARE_ADMIN_EMAIL} and {@code
 * CODESHARE_ADMIN_PASSWORD}, or promotes that account if it already exists. The password of an
 * existing account is never changed here.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Passwords passwords;

  @Inject
  @ConfigProperty(name = "CODESHARE_ADMIN_EMAIL")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "CODESHARE_ADMIN_PASSWORD")
  Optional<String> password;

  @PostConstruct
  void ensureAdmin() {
    if (email.filter(v -> !v.isBlank()).isEmpty()) {
      return;
    }
    var normalized = User.normalizeEmail(email.get());
    var existing =
        em.createNamedQuery(User.BY_EMAIL, User.class)
            .setParameter("email", normalized)
            .getResultStream()
            .findFirst();
    if (existing.isPresent()) {
      if (existing.get().role() != Role.ADMIN) {
        existing.get().promoteToAdmin();
        LOG.info(() -> "Promoted the configured administrator account to ADMIN");
      }
      return;
    }
    var secret =
        password
            .filter(v -> v.length() >= 10)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "CODESHARE_ADMIN_PASSWORD (at least 10 characters) is required to create"
                            + " the administrator CODESHARE_ADMIN_EMAIL"));
    var now = Clock.systemUTC().instant();
    em.persist(
        new User(
            normalized, "Administrator", passwords.hash(secret.toCharArray()), Role.ADMIN, now));
    LOG.info(() -> "Created the configured administrator account");
  }
}
