package org.codeshare.snapshots.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.control.RoomTexts;
import org.codeshare.lifecycle.entity.NodeDraining;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code codeshare.snapshot.interval}, snapshots each room whose version moved since its last
 * snapshot. A room is snapshotted by whichever node takes its lease; a failure backs off (doubling
 * from {@code codeshare.snapshot.retry-backoff} up to {@code codeshare.snapshot.max-backoff}) and
 * never touches editing, which does not wait for snapshots.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SnapshotTimer {

  private static final Logger LOG = Logger.getLogger(SnapshotTimer.class.getName());

  @Resource TimerService timers;
  @Inject SnapshotCatalog catalog;
  @Inject Snapshots snapshots;
  @Inject SnapshotMetrics metrics;
  @Inject RoomTexts texts;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.interval", defaultValue = "PT30S")
  Duration interval;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.lease", defaultValue = "PT2M")
  Duration lease;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.retry-backoff", defaultValue = "PT5S")
  Duration retryBackoff;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.max-backoff", defaultValue = "PT5M")
  Duration maxBackoff;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.rooms-per-round", defaultValue = "500")
  int roomsPerRound;

  Clock clock = Clock.systemUTC();
  private final AtomicBoolean running = new AtomicBoolean();
  private volatile boolean hurry;
  private volatile boolean stopping;

  @PostConstruct
  void start() {
    long millis = Math.max(200, interval.toMillis());
    timers.createIntervalTimer(millis, millis, new TimerConfig("snapshots", false));
  }

  /**
   * The application is stopping: a round under way ends after its current room instead of taking
   * the next ones while the container takes the database away.
   */
  @PreDestroy
  void stop() {
    stopping = true;
  }

  /**
   * A timer round spreads its rooms over half the interval: a round of hundreds of busy rooms at
   * once held the editing path's threads, the database and the disk for seconds every interval, and
   * set the tail of every edit's latency (docs/benchmarks.md).
   */
  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // each step commits on its own
  void tick() {
    snapshotChangedRooms(interval.dividedBy(2));
  }

  /**
   * The node is stopping: the rooms it has in memory are snapshotted once more, so a restart loads
   * them from a snapshot instead of replaying their updates. A round already running finishes on
   * its own, without its pauses.
   */
  public void onDraining(@Observes NodeDraining draining) {
    hurry = true;
    snapshotChangedRooms(Duration.ZERO);
  }

  /**
   * One round over the rooms that changed, with pauses between them so that it takes about {@code
   * spread}; overlapping rounds on this node are skipped.
   */
  void snapshotChangedRooms(Duration spread) {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      var due = catalog.due(clock.instant(), roomsPerRound);
      long pause = due.size() < 2 ? 0 : spread.toNanos() / due.size();
      for (int i = 0; i < due.size(); i++) {
        if (stopping || (i > 0 && !pause(pause))) {
          return; // the node is stopping
        }
        var room = due.get(i);
        if (catalog.claim(room.roomId(), clock.instant(), clock.instant().plus(lease))) {
          snapshot(room);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "snapshot round failed", e);
    } finally {
      running.set(false);
    }
  }

  /** Waits {@code nanos} unless the node drains; false when interrupted. */
  private boolean pause(long nanos) {
    if (nanos <= 0 || hurry) {
      return true;
    }
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The room's text as this node has it, unless that is older than the version the room had when
   * the round began: a node that lags behind the others reads what it lacks, so that the snapshot
   * moves on.
   */
  private void snapshot(SnapshotCatalog.Due room) {
    var roomId = room.roomId();
    try {
      var state = texts.current(roomId, room.version());
      snapshots.write(roomId, state, SnapshotReason.TIMER, null, null);
    } catch (Exception e) {
      metrics.writeFailed(roomId, e);
      try {
        catalog.failed(roomId, clock.instant(), retryBackoff, maxBackoff);
      } catch (RuntimeException again) {
        LOG.log(Level.WARNING, "cannot record the failed snapshot of room " + roomId, again);
      }
    }
  }
}
