package org.codeshare.rooms.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.codeshare.snapshots.control.SnapshotStore;
import org.codeshare.snapshots.entity.Snapshot;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Hourly clean-up: rooms deleted longer ago than {@code codeshare.rooms.purge-after} are removed
 * for good (members, invitations, history and snapshot objects go with them), and expired
 * revocations are forgotten.
 */
@Singleton
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject SnapshotStore store;

  @Inject
  @ConfigProperty(name = "codeshare.rooms.purge-after", defaultValue = "P30D")
  Duration purgeAfter; // converted, and so checked, when the application deploys

  Clock clock = Clock.systemUTC();

  @Schedule(hour = "*", minute = "7", persistent = false)
  public void run() {
    var now = clock.instant();
    var cutoff = now.minus(purgeAfter);
    deleteSnapshotObjects(cutoff);
    var purged =
        em.createQuery("delete from Room r where r.deletedAt < :cutoff")
            .setParameter("cutoff", cutoff)
            .executeUpdate();
    var forgotten =
        em.createQuery("delete from RevokedToken t where t.expiresAt < :now")
            .setParameter("now", now)
            .executeUpdate();
    if (purged + forgotten > 0) {
      LOG.info(() -> "Purged " + purged + " deleted rooms, " + forgotten + " expired revocations");
    }
  }

  /** Snapshot objects of the rooms about to be purged; their rows go with the rooms. */
  private void deleteSnapshotObjects(java.time.Instant cutoff) {
    var snapshots =
        em.createQuery(
                "select s from Snapshot s where s.key.roomId in"
                    + " (select r.id from Room r where r.deletedAt < :cutoff)",
                Snapshot.class)
            .setParameter("cutoff", cutoff)
            .getResultList();
    for (var snapshot : snapshots) {
      try {
        store.delete(snapshot.storage(), snapshot.storageKey());
      } catch (RuntimeException e) {
        LOG.warning(() -> "cannot delete snapshot object " + snapshot.storageKey() + ": " + e);
      }
    }
  }
}
