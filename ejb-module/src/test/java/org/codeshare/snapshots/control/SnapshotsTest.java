package org.codeshare.snapshots.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.snapshots.entity.Snapshot;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.codeshare.snapshots.entity.SnapshotStorage;
import org.junit.jupiter.api.Test;

/**
 * A timer snapshot writes its object without asking the catalog; a save of a version that has a
 * snapshot keeps that snapshot's object and only records the new label.
 */
class SnapshotsTest {

  private final UUID room = UUID.randomUUID();
  private final List<String> stored = new ArrayList<>();
  private final List<Snapshot> recorded = new ArrayList<>();
  private final List<Long> asked = new ArrayList<>();
  private Snapshot existing;
  private final Snapshots snapshots = new Snapshots();

  SnapshotsTest() {
    snapshots.keepUpdates = 1000;
    snapshots.store =
        new SnapshotStore() {
          @Override
          public SnapshotStorage kind() {
            return SnapshotStorage.FILE;
          }

          @Override
          public void put(String key, byte[] content) {
            stored.add(key);
          }
        };
    snapshots.metrics =
        new SnapshotMetrics() {
          @Override
          public void written(UUID roomId, long version) {}
        };
    snapshots.catalog =
        new SnapshotCatalog() {
          @Override
          public Optional<Snapshot> find(UUID roomId, long version) {
            asked.add(version);
            return Optional.ofNullable(existing);
          }

          @Override
          public Recorded record(Snapshot snapshot, long keep) {
            recorded.add(snapshot);
            return new Recorded(snapshot, existing == null);
          }
        };
  }

  @Test
  void aTimerSnapshotWritesItsObjectWithoutAskingTheCatalog() {
    snapshots.write(room, new Snapshots.State(7, "text"), SnapshotReason.TIMER, null, null);

    assertThat(asked).isEmpty();
    assertThat(stored).containsExactly(SnapshotStore.key(room, 7));
    assertThat(recorded).singleElement().extracting(Snapshot::storageKey).isEqualTo(stored.get(0));
  }

  @Test
  void aSaveOfAVersionThatHasASnapshotKeepsItsObject() {
    existing =
        new Snapshot(
            room,
            7,
            "0".repeat(64),
            4,
            SnapshotStorage.S3,
            "snapshots/elsewhere/7",
            SnapshotReason.TIMER,
            null,
            null,
            Instant.now());

    snapshots.write(room, new Snapshots.State(7, "text"), SnapshotReason.MANUAL, "v1", null);

    assertThat(asked).containsExactly(7L);
    assertThat(stored).as("the existing object is not written again").isEmpty();
    assertThat(recorded)
        .singleElement()
        .satisfies(
            row -> {
              assertThat(row.storage()).isEqualTo(SnapshotStorage.S3);
              assertThat(row.storageKey()).isEqualTo("snapshots/elsewhere/7");
              assertThat(row.label()).isEqualTo("v1");
            });
  }
}
