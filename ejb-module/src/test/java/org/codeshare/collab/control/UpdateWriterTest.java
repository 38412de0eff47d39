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
