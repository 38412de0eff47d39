package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.Update;
import org.codeshare.events.control.Events;
import org.codeshare.rooms.entity.RoomRole;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The editing path's commit against a real PostgreSQL with the application's schema: one statement
 * moves the version and writes the updates and their events, or writes nothing.
 */
class UpdateWriterTest {

  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;
  private final UpdateWriter writer = new UpdateWriter();
  private final UUID owner = UUID.randomUUID();

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    var source = new PGSimpleDataSource();
    source.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource = source;
    Flyway.configure().dataSource(dataSource).load().migrate();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  UpdateWriterTest() {
    writer.dataSource = dataSource;
    writer.events = Events.rows("codeshare.events");
  }

  @Test
  void appendsEveryUpdateAndOneEventPerPushInOrder() throws SQLException {
    var room = room(false);
    var first = push(owner, RoomRole.OWNER, "c1", "a", "b");
    var second = push(null, RoomRole.EDITOR, "c2", "c");

    var committed = writer.tryAppend(room, 0, List.of(first, second)).orElseThrow();

    assertThat(committed.from()).isZero();
    assertThat(committed.committed())
        .extracting(Update::clientId)
        .containsExactly("c1", "c1", "c2");
    assertThat(query("select version from rooms where id = '" + room + "'")).containsExactly("3");
    assertThat(
            query(
                "select version || ' ' || client_id || ' ' || coalesce(author_id::text, '-') || ' '"
                    + " || changes from room_updates where room_id = '"
                    + room
                    + "' order by version"))
        .containsExactly(
            "1 c1 " + owner + " [[0,\"a\"]]",
            "2 c1 " + owner + " [[0,\"b\"]]",
            "3 c2 - [[0,\"c\"]]");
    assertThat(
            query(
                "select concat_ws(' ', payload::json->>'type', coalesce(payload::json->>'actor',"
                    + " '-'), payload::json->'data'->>'fromVersion',"
                    + " payload::json->'data'->>'toVersion') from outbox where event_key = '"
                    + room
                    + "' order by id"))
        .containsExactly("document.updated " + owner + " 0 2", "document.updated - 2 3");
  }

  @Test
  void writesNothingWhenTheRoomMovedOn() throws SQLException {
    var room = room(false);
    writer.tryAppend(room, 0, List.of(push(owner, RoomRole.OWNER, "c1", "a"))).orElseThrow();

    var stale = writer.tryAppend(room, 0, List.of(push(owner, RoomRole.OWNER, "c2", "b")));

    assertThat(stale).isEmpty();
    assertThat(query("select client_id from room_updates where room_id = '" + room + "'"))
        .containsExactly("c1");
    assertThat(query("select count(*) from outbox where event_key = '" + room + "'"))
        .containsExactly("1");
  }

  @Test
  void aLockedRoomTakesTheOwnersPushesOnly() throws SQLException {
    var room = room(true);

    assertThat(writer.tryAppend(room, 0, List.of(push(null, RoomRole.EDITOR, "c1", "a"))))
        .isEmpty();
    assertThat(writer.tryAppend(room, 0, List.of(push(owner, RoomRole.OWNER, "c2", "b"))))
        .isPresent();
    assertThat(query("select client_id from room_updates where room_id = '" + room + "'"))
        .containsExactly("c2");
  }

  @Test
  void aDeletedRoomTakesNothing() throws SQLException {
    var room = room(false);
    update("update rooms set deleted_at = now() where id = '" + room + "'");

    assertThat(writer.tryAppend(room, 0, List.of(push(owner, RoomRole.OWNER, "c1", "a"))))
        .isEmpty();
    assertThat(query("select count(*) from room_updates where room_id = '" + room + "'"))
        .containsExactly("0");
  }

  @Test
  void roomsCommittingAtOnceShareAStatementAndKeepTheirOwnGuards() throws Exception {
    var blocked = room(false);
    var good = room(false);
    var stale = room(false);
    var pool = Executors.newFixedThreadPool(3);
    try (var holder = dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (var lock = holder.createStatement()) {
        lock.executeQuery("select id from rooms where id = '" + blocked + "' for update").close();
      }
      var first = pool.submit(() -> writer.tryAppend(blocked, 0, List.of(ownerPush("b1"))));
      awaitTrue(() -> writer.group().statements() == 1);
      var second = pool.submit(() -> writer.tryAppend(good, 0, List.of(ownerPush("g1"))));
      var third = pool.submit(() -> writer.tryAppend(stale, 5, List.of(ownerPush("s1"))));
      awaitTrue(() -> writer.group().waiting() == 2);
      holder.commit(); // the first statement goes through; the other two wait for the next

      assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
      assertThat(second.get(10, TimeUnit.SECONDS)).isPresent();
      assertThat(third.get(10, TimeUnit.SECONDS)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    assertThat(writer.group().statements()).isEqualTo(2);
    assertThat(query("select version from rooms where id = '" + good + "'")).containsExactly("1");
    assertThat(query("select version from rooms where id = '" + stale + "'")).containsExactly("0");
    assertThat(query("select client_id from room_updates where room_id = '" + good + "'"))
        .containsExactly("g1");
    assertThat(query("select count(*) from room_updates where room_id = '" + stale + "'"))
        .containsExactly("0");
    assertThat(query("select count(*) from outbox where event_key = '" + stale + "'"))
        .containsExactly("0");
  }

  @Test
  void manyRoomsCommittingConcurrentlyEachGetEveryUpdateInOrder() throws Exception {
    int rooms = 12;
    int commits = 25;
    var ids = new ArrayList<UUID>();
    for (int r = 0; r < rooms; r++) {
      ids.add(room(false));
    }
    var pool = Executors.newFixedThreadPool(rooms);
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Integer>>();
    for (var id : ids) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                int refused = 0;
                for (int v = 0; v < commits; v++) {
                  writer.tryAppend(id, v, List.of(ownerPush("c" + v))).orElseThrow();
                  if (writer.tryAppend(id, v, List.of(ownerPush("late" + v))).isEmpty()) {
                    refused++; // the room is at v + 1 now
                  }
                }
                return refused;
              }));
    }
    start.countDown();
    for (var result : results) {
      assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(commits);
    }
    pool.shutdown();
    var expected = new ArrayList<String>();
    for (int v = 0; v < commits; v++) {
      expected.add((v + 1) + " c" + v);
    }
    for (var id : ids) {
      assertThat(query("select version from rooms where id = '" + id + "'"))
          .containsExactly(String.valueOf(commits));
      assertThat(
              query(
                  "select version || ' ' || client_id from room_updates where room_id = '"
                      + id
                      + "' order by version"))
          .containsExactlyElementsOf(expected);
      assertThat(
              query(
                  "select payload::json->'data'->>'toVersion' from outbox where event_key = '"
                      + id
                      + "' order by id"))
          .containsExactlyElementsOf(
              java.util.stream.IntStream.rangeClosed(1, commits)
                  .mapToObj(String::valueOf)
                  .toList());
    }
  }

  private UpdateLog.Authored ownerPush(String clientId) {
    return push(owner, RoomRole.OWNER, clientId, clientId);
  }

  private static void awaitTrue(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s");
      }
      Thread.sleep(10);
    }
  }

  private UpdateLog.Authored push(UUID author, RoomRole role, String clientId, String... texts) {
    var updates = new ArrayList<Update>();
    for (var text : texts) {
      updates.add(new Update(clientId, ChangeSet.replaceAll("", text)));
    }
    return new UpdateLog.Authored(updates, author, role);
  }

  private UUID room(boolean locked) throws SQLException {
    var id = UUID.randomUUID();
    var now = Timestamp.from(Instant.now());
    try (var connection = dataSource.getConnection()) {
      try (var user =
          connection.prepareStatement(
              "insert into users (id, email, display_name, password_hash, created_at,"
                  + " tokens_valid_after) values (?, ?, 'Owner', 'x', ?, ?)"
                  + " on conflict do nothing")) {
        user.setObject(1, owner);
        user.setString(2, owner + "@codeshare.test");
        user.setTimestamp(3, now);
        user.setTimestamp(4, now);
        user.executeUpdate();
      }
      try (var room =
          connection.prepareStatement(
              "insert into rooms (id, slug, title, language, owner_id, locked, created_at,"
                  + " updated_at) values (?, ?, 'Room', 'java', ?, ?, ?, ?)")) {
        room.setObject(1, id);
        room.setString(2, id.toString().substring(0, 12));
        room.setObject(3, owner);
        room.setBoolean(4, locked);
        room.setTimestamp(5, now);
        room.setTimestamp(6, now);
        room.executeUpdate();
      }
    }
    return id;
  }

  private static void update(String sql) throws SQLException {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  private static List<String> query(String sql) throws SQLException {
    var values = new ArrayList<String>();
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var result = statement.executeQuery(sql)) {
      while (result.next()) {
        values.add(result.getString(1));
      }
    }
    return values;
  }
}
