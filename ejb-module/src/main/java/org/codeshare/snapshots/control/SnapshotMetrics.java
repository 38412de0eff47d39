package org.codeshare.snapshots.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Snapshot counters for {@code /metrics} and the latest problems for the readiness details:
 * snapshots written, failed writes, and snapshots found corrupt or missing on a cold load.
 */
@ApplicationScoped
public class SnapshotMetrics {

  private static final Logger LOG = Logger.getLogger(SnapshotMetrics.class.getName());
  public static final String WRITTEN = "codeshare_snapshots_written";
  public static final String FAILURES = "codeshare_snapshot_failures";

  @Inject MetricRegistry registry;

  private Counter written;
  private Counter writeFailures;
  private Counter unreadable;
  private final AtomicLong corruptSeen = new AtomicLong();
  private final AtomicReference<String> lastProblem = new AtomicReference<>();

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    written();
  }

  private synchronized void written() {
    if (written != null) {
      return;
    }
    written =
        registry.counter(
            Metadata.builder()
                .withName(WRITTEN)
                .withDescription("Snapshot objects this node wrote to the snapshot store")
                .build());
    var failures =
        Metadata.builder()
            .withName(FAILURES)
            .withDescription(
                "Snapshot problems on this node: kind=write (store or database failed),"
                    + " kind=unreadable (corrupt or missing object found on a cold load)")
            .build();
    writeFailures = registry.counter(failures, new Tag("kind", "write"));
    unreadable = registry.counter(failures, new Tag("kind", "unreadable"));
  }

  public void written(UUID roomId, long version) {
    written();
    written.inc();
  }

  public void writeFailed(UUID roomId, Exception error) {
    written();
    writeFailures.inc();
    lastProblem.set(Instant.now() + " write failed for room " + roomId + ": " + error.getMessage());
    LOG.warning(() -> "snapshot of room " + roomId + " failed, will retry: " + error.getMessage());
  }

  public void unreadable(UUID roomId, long version, String why) {
    written();
    unreadable.inc();
    corruptSeen.incrementAndGet();
    lastProblem.set(Instant.now() + " snapshot " + version + " of room " + roomId + ": " + why);
    LOG.severe(
        () ->
            "snapshot "
                + version
                + " of room "
                + roomId
                + " is unusable ("
                + why
                + "); falling back to the previous one");
  }

  /** Corrupt or missing snapshots found since this node started. */
  public long unreadableSeen() {
    return corruptSeen.get();
  }

  /** The newest problem, or null. */
  public String lastProblem() {
    return lastProblem.get();
  }
}
