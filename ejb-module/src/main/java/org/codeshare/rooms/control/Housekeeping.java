package org.codeshare.rooms.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hourly clean-up: rooms deleted longer ago than {@code codeshare.rooms.purge-after} are removed
 * for good (members and invitations go with them), and expired revocations are forgotten.
 */
@Singleton
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "codeshare.rooms.purge-after", defaultValue = "P30D")
  String purgeAfter;

  Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "7", persistent = false)
  public void run() {
    var now = clock.instant();
    var purged =
        em.createQuery("delete from Room r where r.deletedAt < :cutoff")
            .setParameter("cutoff", now.minus(Duration.parse(purgeAfter)))
            .executeUpdate();
    var forgotten =
        em.createQuery("delete from RevokedToken t where t.expiresAt < :now")
            .setParameter("now", now)
            .executeUpdate();
    if (purged + forgotten > 0) {
      LOG.info(() -> "Purged " + purged + " deleted rooms, " + forgotten + " expired revocations");
    }
  }
}
