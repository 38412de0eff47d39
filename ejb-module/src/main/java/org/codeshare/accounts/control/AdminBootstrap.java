package org.codeshare.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first administrator from {@code CODESHARE_ADMIN_EMAIL} and {@code
 * CODESHARE_ADMIN_PASSWORD}, or promotes that account if it already exists ({@link AdminAccount}).
 * Nodes started together with the same settings may both try to create the account; the one whose
 * insert fails looks again, finds the other's account, and starts.
 */
@Singleton
@Startup
@DependsOn("Migrations")
public class AdminBootstrap {

  private static final Logger LOG = Logger.getLogger(AdminBootstrap.class.getName());

  @Inject AdminAccount account;

  @Inject
  @ConfigProperty(name = "CODESHARE_ADMIN_EMAIL")
  Optional<String> email;

  @Inject
  @ConfigProperty(name = "CODESHARE_ADMIN_PASSWORD")
  Optional<String> password;

  @PostConstruct
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void ensureAdmin() {
    if (email.filter(v -> !v.isBlank()).isEmpty()) {
      return;
    }
    AdminAccount.Outcome outcome;
    try {
      outcome = account.ensure(email.get(), password);
    } catch (EJBException first) {
      LOG.log(
          Level.INFO,
          "Could not make sure of the configured administrator account; trying again (another node"
              + " may have created it at the same moment)",
          first);
      outcome = account.ensure(email.get(), password);
    }
    switch (outcome) {
      case CREATED -> LOG.info("Created the configured administrator account");
      case PROMOTED -> LOG.info("Promoted the configured administrator account to ADMIN");
      case UNCHANGED -> LOG.fine("The configured administrator account exists");
    }
  }
}
