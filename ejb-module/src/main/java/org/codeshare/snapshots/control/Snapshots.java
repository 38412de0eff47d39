package org.codeshare.snapshots.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.snapshots.entity.Snapshot;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes one snapshot: the text goes to the store first, then the row (with the compaction of the
 * update log behind it) is committed; a failure in between leaves at most an orphaned object that
 * the next snapshot of the same version overwrites with the same bytes.
 */
@ApplicationScoped
public class Snapshots {

  @Inject SnapshotStore store;
  @Inject SnapshotCatalog catalog;
  @Inject SnapshotMetrics metrics;

  @Inject
  @ConfigProperty(name = "codeshare.history.keep-updates", defaultValue = "1000")
  long keepUpdates;

  Clock clock = Clock.systemUTC();

  /** A room's text at a version. */
  public record State(long version, String text) {}

  /**
   * Stores the text and records it. A timer snapshot writes its object without asking first: its
   * text comes from the room at that very version, so a version that has a snapshot already gets
   * the same bytes under the same key, and its row is only relabelled ({@link
   * SnapshotCatalog#record}); asking would cost every round's room a transaction. A save or a
   * restore, rare and passed its text by the caller, keeps an existing object as it is.
   */
  public SnapshotCatalog.Recorded write(
      UUID roomId, State state, SnapshotReason reason, String label, UUID by) {
    var bytes = Wtf8.encode(state.text());
    var key = SnapshotStore.key(roomId, state.version());
    var existing =
        reason == SnapshotReason.TIMER
            ? Optional.<Snapshot>empty()
            : catalog.find(roomId, state.version());
    if (existing.isEmpty()) {
      store.put(key, bytes);
      metrics.written(roomId, state.version());
    }
    var row =
        new Snapshot(
            roomId,
            state.version(),
            sha256(bytes),
            bytes.length,
            existing.map(Snapshot::storage).orElse(store.kind()),
            existing.map(Snapshot::storageKey).orElse(key),
            reason,
            label,
            by,
            clock.instant());
    try {
      return catalog.record(row, keptUpdates());
    } catch (RuntimeException e) {
      if (catalog.find(roomId, state.version()).isEmpty()) {
        throw e;
      }
      return catalog.record(row, keptUpdates()); // lost the race for this version: relabel
    }
  }

  /** The snapshot's text if its object is there and matches its checksum and size. */
  public Optional<String> read(Snapshot snapshot) {
    var bytes = store.get(snapshot.storage(), snapshot.storageKey());
    if (bytes.isEmpty()) {
      metrics.unreadable(snapshot.roomId(), snapshot.version(), "object missing");
      return Optional.empty();
    }
    var content = bytes.get();
    if (content.length != snapshot.size() || !sha256(content).equals(snapshot.sha256())) {
      metrics.unreadable(snapshot.roomId(), snapshot.version(), "checksum mismatch");
      return Optional.empty();
    }
    return Optional.of(Wtf8.decode(content));
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * At least one: a node that reads the history after its room's version tells a compacted gap by
   * the first row it gets, so the row of the snapshot's own version always stays.
   */
  private long keptUpdates() {
    return Math.max(1, keepUpdates);
  }
}
