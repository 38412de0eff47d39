package org.codeshare.snapshots.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.codeshare.collab.control.RoomTexts;
import org.codeshare.lifecycle.entity.NodeDraining;
import org.codeshare.snapshots.control.SnapshotCatalog.Due;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.junit.jupiter.api.Test;

/** A timer round spreads its rooms over the time it is given; a draining node's round does not. */
class SnapshotTimerTest {

  private final List<SnapshotCatalog.Due> due =
      List.of(
          new SnapshotCatalog.Due(UUID.randomUUID(), 3),
          new SnapshotCatalog.Due(UUID.randomUUID(), 5),
          new SnapshotCatalog.Due(UUID.randomUUID(), 9));
  private final List<Long> askedAtLeast = new ArrayList<>();
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
          public List<Due> due(Instant now, int limit) {
            return due;
          }

          @Override
          public boolean claim(UUID roomId, Instant now, Instant until) {
            return true;
          }
        };
    timer.texts =
        new RoomTexts() {
          @Override
          public Snapshots.State current(UUID roomId, long atLeast) {
            askedAtLeast.add(atLeast);
            return new Snapshots.State(atLeast, "text of " + roomId);
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

    assertThat(written).containsExactlyElementsOf(due.stream().map(Due::roomId).toList());
    assertThat(askedAtLeast)
        .as("each room at the version it was due at")
        .containsExactly(3L, 5L, 9L);
    for (int i = 1; i < writtenAt.size(); i++) {
      assertThat(writtenAt.get(i) - writtenAt.get(i - 1))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200).toNanos());
    }
  }

  @Test
  void aDrainingNodeSnapshotsEveryRoomAtOnce() {
    long start = System.nanoTime();
    timer.onDraining(new NodeDraining(Instant.now().plusSeconds(30)));

    assertThat(written).containsExactlyElementsOf(due.stream().map(Due::roomId).toList());
    assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(1).toNanos());
  }
}
