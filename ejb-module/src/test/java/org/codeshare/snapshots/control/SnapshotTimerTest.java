package org.codeshare.snapshots.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.codeshare.collab.control.RoomSequencer;
import org.codeshare.lifecycle.entity.NodeDraining;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.junit.jupiter.api.Test;

/** A timer round spreads its rooms over the time it is given; a draining node's round does not. */
class SnapshotTimerTest {

  private final List<UUID> due = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
  private final List<Long> writtenAt = new ArrayList<>();
  private final List<UUID> written = new ArrayList<>();
  private final SnapshotTimer timer = new SnapshotTimer();

  SnapshotTimerTest() {
    timer.interval = Duration.ofSeconds(30); // a timer round of three would take 15 s
    timer.lease = Duration.ofMinutes(2);
    timer.roomsPerRound = 500;
    timer.catalog =
        new SnapshotCatalog() {
          @Override
          public List<UUID> due(Instant now, int limit) {
            return due;
          }

          @Override
          public boolean claim(UUID roomId, Instant now, Instant until) {
            return true;
          }
        };
    timer.sequencer =
        new RoomSequencer() {
          @Override
          public Snapshots.State current(UUID roomId) {
            return new Snapshots.State(7, "text of " + roomId);
          }
        };
    timer.snapshots =
        new Snapshots() {
          @Override
          public SnapshotCatalog.Recorded write(
              UUID roomId, State state, SnapshotReason reason, String label, UUID by) {
            writtenAt.add(System.nanoTime());
            written.add(roomId);
            return null;
          }
        };
  }

  @Test
  void aTimerRoundPausesBetweenItsRooms() {
    timer.snapshotChangedRooms(Duration.ofMillis(600)); // 200 ms between three rooms

    assertThat(written).containsExactlyElementsOf(due);
    for (int i = 1; i < writtenAt.size(); i++) {
      assertThat(writtenAt.get(i) - writtenAt.get(i - 1))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }
  }

  @Test
  void aDrainingNodeSnapshotsEveryRoomAtOnce() {
    long start = System.nanoTime();
    timer.onDraining(new NodeDraining(Instant.now().plusSeconds(30)));

    assertThat(written).containsExactlyElementsOf(due);
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(1).toNanos());
  }
}
