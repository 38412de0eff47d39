package org.codeshare.snapshots.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.codeshare.events.control.Events;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;
import org.codeshare.snapshots.entity.Snapshot;
import org.codeshare.snapshots.entity.SnapshotReason;
import org.codeshare.snapshots.entity.SnapshotStorage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Recording a snapshot on a real PostgreSQL with the application's schema and mappings: its row,
 * its event and the room's bookkeeping, and its order against the room's deletion.
 */
class SnapshotCatalogTest {

  private static EmbeddedPostgres postgres;
  private static EntityManagerFactory factory;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    var url = postgres.getJdbcUrl("postgres", "postgres");
    Flyway.configure().dataSource(url, "postgres", "postgres").load().migrate();
    var settings = new HashMap<String, Object>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", null);
    settings.put("jakarta.persistence.jdbc.url", url);
    settings.put("jakarta.persistence.jdbc.user", "postgres");
    settings.put("jakarta.persistence.jdbc.password", "postgres");
    settings.put("hibernate.transaction.jta.platform", "none");
    settings.put("hibernate.hbm2ddl.auto", "validate");
    factory = Persistence.createEntityManagerFactory("codeshare", settings);
  }

  @AfterAll
  static void stop() throws IOException {
    factory.close();
    postgres.close();
  }

  @Test
  void aSnapshotIsStoredWithItsEventAndTheRoomMovesOn() throws SQLException {
    var room = room(5);

    var recorded = inTransaction(em -> catalog(em).record(snapshot(room, 5), 100));

    assertThat(recorded.written()).isTrue();
    assertThat(count("select count(*) from snapshots where room_id = '" + room + "'")).isEqualTo(1);
    assertThat(snapshotEvents(room)).isEqualTo(1);
    assertThat(count("select snapshot_version from rooms where id = '" + room + "'")).isEqualTo(5);
  }

  @Test
  void aDeletedRoomGetsNoSnapshotRowAndNoEvent() throws SQLException {
    var room = room(5);
    sql("update rooms set deleted_at = now() where id = '" + room + "'");

    var recorded = inTransaction(em -> catalog(em).record(snapshot(room, 5), 100));

    assertThat(recorded.written()).isFalse();
    assertThat(count("select count(*) from snapshots where room_id = '" + room + "'")).isZero();
    assertThat(snapshotEvents(room)).isZero();
  }

  @Test
  void aSnapshotRecordedWhileItsRoomIsBeingDeletedWaitsForTheDeletionAndWritesNothing()
      throws Exception {
    var room = room(5);
    try (var deletion = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"))) {
      // A deletion as Rooms.delete makes it: the room's row first, its event after, one commit.
      deletion.setAutoCommit(false);
      try (var s = deletion.createStatement()) {
        s.executeUpdate("update rooms set deleted_at = now() where id = '" + room + "'");
      }

      var recording =
          CompletableFuture.supplyAsync(
              () -> inTransaction(em -> catalog(em).record(snapshot(room, 5), 100)));
      awaitWaitingOnALock();
      assertThat(recording).isNotDone();

      deletion.commit();
      var recorded = recording.get(10, TimeUnit.SECONDS);
      assertThat(recorded.written()).isFalse();
    }
    assertThat(count("select count(*) from snapshots where room_id = '" + room + "'")).isZero();
    assertThat(snapshotEvents(room)).isZero();
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

  private static UUID room(long version) throws SQLException {
    var slug = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    var room = new Room(slug, "Snapshots", Language.JAVA, Instant.now());
    inTransaction(
        em -> {
          em.persist(room);
          return null;
        });
    sql("update rooms set version = " + version + " where id = '" + room.id() + "'");
    return room.id();
  }

  private static <T> T inTransaction(Function<EntityManager, T> work) {
    var em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      var result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** Until some session of this database waits for a row lock (the recording's). */
  private static void awaitWaitingOnALock() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (count("select count(*) from pg_stat_activity where wait_event_type = 'Lock'") == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the recording never waited for the room's row");
      }
      Thread.sleep(10);
    }
  }

  private static long snapshotEvents(UUID room) throws SQLException {
    return count(
        "select count(*) from outbox where event_key = '"
            + room
            + "' and payload like '%snapshot.written%'");
  }

  private static long count(String query) throws SQLException {
    try (var c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        var s = c.createStatement();
        var rows = s.executeQuery(query)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  private static void sql(String statement) throws SQLException {
    try (var c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        var s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
