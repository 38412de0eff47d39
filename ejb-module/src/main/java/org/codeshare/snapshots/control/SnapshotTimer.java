package org.codeshare.snapshots.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.control.RoomSequencer;
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
  @Inject RoomSequencer sequencer;

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

  @PostConstruct
  void start() {
    long millis = Math.max(200, interval.toMillis());
    timers.createIntervalTimer(millis, millis, new TimerConfig("snapshots", false));
  }

  @Timeout
  void tick() {
    snapshotChangedRooms();
  }

  /**
   * The node is stopping: the rooms it has in memory are snapshotted once more, so a restart loads
   * them from a snapshot instead of replaying their updates. A round already running is left to
   * finish on its own.
   */
  public void onDraining(@Observes NodeDraining draining) {
    snapshotChangedRooms();
  }

  /** One round over the rooms that changed; overlapping rounds on this node are skipped. */
  public void snapshotChangedRooms() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      var now = clock.instant();
      for (var roomId : catalog.due(now, roomsPerRound)) {
        if (catalog.claim(roomId, clock.instant(), clock.instant().plus(lease))) {
          snapshot(roomId);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "snapshot round failed", e);
    } finally {
      running.set(false);
    }
  }

  private void snapshot(UUID roomId) {
    try {
      snapshots.write(roomId, sequencer.current(roomId), SnapshotReason.TIMER, null, null);
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
