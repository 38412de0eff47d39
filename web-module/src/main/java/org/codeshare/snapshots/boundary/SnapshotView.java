package org.codeshare.snapshots.boundary;

import java.time.Instant;
import org.codeshare.snapshots.entity.Snapshot;

/** One entry of a room's history. */
public record SnapshotView(
    long version, String sha256, long size, String reason, String label, Instant createdAt) {

  public static SnapshotView of(Snapshot snapshot) {
    return new SnapshotView(
        snapshot.version(),
        snapshot.sha256(),
        snapshot.size(),
        snapshot.reason().id(),
        snapshot.label(),
        snapshot.createdAt());
  }
}
