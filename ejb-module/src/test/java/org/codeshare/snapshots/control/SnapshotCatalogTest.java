package org.codeshare.snapshots.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.codeshare.database.BothDatabases;
import org.codeshare.database.TestDatabase;
import org.codeshare.events.control.Events;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;
import org.codeshare.snapshots.entity.Snapshot;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.codeshare.snapshots.entity.SnapshotStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recording a snapshot with the application's schema and mappings, on a real PostgreSQL and on the
 * embedded default (H2): its row, its event and the room's bookkeeping, and (on PostgreSQL) its
 * order against the room's deletion.
 */
class SnapshotCatalogTest {

  @TempDir static Path h2Directory;
  private static BothDatabases databases;

  @BeforeAll
  static void start() throws IOException {
    databases = BothDatabases.start(h2Directory);
  }

  @AfterAll
  static void stop() throws IOException {
    databases.close();
  }

  static List<TestDatabase> databases() {
    return databases.list();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aSnapshotIsStoredWithItsEventAndTheRoomMovesOn(TestDatabase db) throws SQLException {
    var room = room(db, 5);

    var recorded = inTransaction(db, em -> catalog(em).record(snapshot(room, 5), 100));

    assertThat(recorded.written()).isTrue();
    assertThat(count(db, "select count(*) from snapshots where room_id = '" + room + "'"))
        .isEqualTo(1);
    assertThat(snapshotEvents(db, room)).isEqualTo(1);
    assertThat(count(db, "select snapshot_version from rooms where id = '" + room + "'"))
        .isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aChangedRoomIsDueAtItsVersionUntilClaimedOrSnapshotted(TestDatabase db) throws SQLException {
    var room = room(db, 5);
    var now = Instant.now();

    assertThat(due(db, now)).contains(new SnapshotCatalog.Due(room, 5));
    assertThat(claim(db, room, now)).isTrue();
    assertThat(due(db, now)).extracting(SnapshotCatalog.Due::roomId).doesNotContain(room);
    assertThat(claim(db, room, now)).isFalse();

    inTransaction(db, em -> catalog(em).record(snapshot(room, 5), 100));

    assertThat(due(db, now.plusSeconds(120)))
        .extracting(SnapshotCatalog.Due::roomId)
        .doesNotContain(room);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void anOlderSnapshotRecordedLaterClearsTheLeaseAndFailuresAndKeepsTheNewestVersion(
      TestDatabase db) throws SQLException {
    var room = room(db, 9);
    inTransaction(db, em -> catalog(em).record(snapshot(room, 7), 100));
    var now = Instant.now();
    claim(db, room, now);
    inTransaction(
        db,
        em -> {
          catalog(em).failed(room, now, Duration.ofSeconds(5), Duration.ofMinutes(5));
          return null;
        });
    assertThat(count(db, "select snapshot_failures from rooms where id = '" + room + "'"))
        .isEqualTo(1);

    var recorded = inTransaction(db, em -> catalog(em).record(snapshot(room, 4), 100));

    assertThat(recorded.written()).isTrue();
    assertThat(count(db, "select snapshot_version from rooms where id = '" + room + "'"))
        .isEqualTo(7);
    assertThat(
            count(
                db,
                "select count(*) from rooms where snapshot_lease_until is null"
                    + " and snapshot_failures = 0 and id = '"
                    + room
                    + "'"))
        .isEqualTo(1);
    assertThat(due(db, now)).contains(new SnapshotCatalog.Due(room, 9));
  }

  @ParameterizedTest
  @MethodSource("databases")
  void aDeletedRoomGetsNoSnapshotRowAndNoEvent(TestDatabase db) throws SQLException {
    var room = room(db, 5);
    sql(db, "update rooms set deleted_at = now() where id = '" + room + "'");

    var recorded = inTransaction(db, em -> catalog(em).record(snapshot(room, 5), 100));

    assertThat(recorded.written()).isFalse();
    assertThat(count(db, "select count(*) from snapshots where room_id = '" + room + "'")).isZero();
    assertThat(snapshotEvents(db, room)).isZero();
  }

  @Test
  void aSnapshotRecordedWhileItsRoomIsBeingDeletedWaitsForTheDeletionAndWritesNothing()
      throws Exception {
    var db = databases.postgres();
    var room = room(db, 5);
    try (var deletion = db.connect()) {
      // A deletion as Rooms.delete makes it: the room's row first, its event after, one commit.
      deletion.setAutoCommit(false);
      try (var s = deletion.createStatement()) {
        s.executeUpdate("update rooms set deleted_at = now() where id = '" + room + "'");
      }

      var recording =
          CompletableFuture.supplyAsync(
              () -> inTransaction(db, em -> catalog(em).record(snapshot(room, 5), 100)));
      awaitWaitingOnALock(db);
      assertThat(recording).isNotDone();

      deletion.commit();
      var recorded = recording.get(10, TimeUnit.SECONDS);
      assertThat(recorded.written()).isFalse();
    }
    assertThat(count(db, "select count(*) from snapshots where room_id = '" + room + "'")).isZero();
    assertThat(snapshotEvents(db, room)).isZero();
  }

  private static List<SnapshotCatalog.Due> due(TestDatabase db, Instant now) {
    Function<EntityManager, List<SnapshotCatalog.Due>> due = em -> catalog(em).due(now, 10_000);
    return inTransaction(db, due);
  }

  private static boolean claim(TestDatabase db, UUID room, Instant now) {
    Function<EntityManager, Boolean> claim =
        em -> catalog(em).claim(room, now, now.plusSeconds(60));
    return inTransaction(db, claim);
  }

  private static SnapshotCatalog catalog(EntityManager em) {
    var catalog = new SnapshotCatalog();
    catalog.em = em;
    catalog.outbox = Events.outbox(em);
    return catalog;
  }

  private static Snapshot snapshot(UUID room, long version) {
    return new Snapshot(
        room,
        version,
        "0".repeat(64),
        12,
        SnapshotStorage.FILE,
        room + "/" + version,
        SnapshotReason.TIMER,
        null,
        null,
        Instant.now());
  }

  private static UUID room(TestDatabase db, long version) throws SQLException {
    var slug = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    var room = new Room(slug, "Snapshots", Language.JAVA, Instant.now());
    inTransaction(
        db,
        em -> {
          em.persist(room);
          return null;
        });
    sql(db, "update rooms set version = " + version + " where id = '" + room.id() + "'");
    return room.id();
  }

  private static <T> T inTransaction(TestDatabase db, Function<EntityManager, T> work) {
    return db.inTransaction(work);
  }

  /** Until some session of this database waits for a row lock (the recording's). */
  private static void awaitWaitingOnALock(TestDatabase db) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count(db, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the recording never waited for the room's row");
      }
      Thread.sleep(10);
    }
  }

  private static long snapshotEvents(TestDatabase db, UUID room) throws SQLException {
    return count(
        db,
        "select count(*) from outbox where event_key = '"
            + room
            + "' and payload like '%snapshot.written%'");
  }

  private static long count(TestDatabase db, String query) throws SQLException {
    try (var c = db.connect();
        var s = c.createStatement();
        var rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void sql(TestDatabase db, String statement) throws SQLException {
    db.sql(statement);
  }
}
