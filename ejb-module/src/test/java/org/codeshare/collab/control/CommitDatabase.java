package org.codeshare.collab.control;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.Update;
import org.codeshare.events.control.Events;
import org.codeshare.rooms.entity.RoomRole;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A real PostgreSQL with the application's schema for the commit's tests, started before a test
 * class and stopped after it ({@code @RegisterExtension}; the writers it hands out give their
 * connection back after each test), with an owner, rooms and pushes, and plain SQL to look at what
 * was written.
 */
final class CommitDatabase implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

  final UUID owner = UUID.randomUUID();
  private final List<UpdateWriter> writers = new ArrayList<>();
  private EmbeddedPostgres postgres;
  DataSource dataSource;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    var source = new PGSimpleDataSource();
    source.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
    dataSource = source;
    Flyway.configure().dataSource(dataSource).load().migrate();
  }

  /** The writers handed out give their kept connection back after each test. */
  @Override
  public void afterEach(ExtensionContext context) {
    writers.forEach(UpdateWriter::close);
    writers.clear();
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    postgres.close();
  }

  /** A writer on this database, as the application sets it up. */
  UpdateWriter writer() {
    var writer = new UpdateWriter();
    writer.dataSource = dataSource;
    writer.events = Events.rows("codeshare.events");
    writers.add(writer);
    return writer;
  }

  UpdateLog.Authored ownerPush(String clientId) {
    return push(owner, RoomRole.OWNER, clientId, clientId);
  }

  UpdateLog.Authored push(UUID author, RoomRole role, String clientId, String... texts) {
    var updates = new ArrayList<Update>();
    for (var text : texts) {
      updates.add(new Update(clientId, ChangeSet.replaceAll("", text)));
    }
    return new UpdateLog.Authored(updates, author, role);
  }

  UUID room(boolean locked) throws SQLException {
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

  void update(String sql) throws SQLException {
    try (var connection = dataSource.getConnection();
        var statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  List<String> query(String sql) throws SQLException {
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

  /** The client IDs of the room's stored updates, in version order. */
  List<String> clients(UUID room) throws SQLException {
    return query(
        "select client_id from room_updates where room_id = '" + room + "' order by version");
  }

  /** The room's version. */
  String version(UUID room) throws SQLException {
    return query("select version from rooms where id = '" + room + "'").get(0);
  }

  /** How many updates the room has stored. */
  String updates(UUID room) throws SQLException {
    return query("select count(*) from room_updates where room_id = '" + room + "'").get(0);
  }

  /** How many events the room has in the outbox. */
  String events(UUID room) throws SQLException {
    return query("select count(*) from outbox where event_key = '" + room + "'").get(0);
  }

  static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 10 s");
      }
      Thread.sleep(10);
    }
  }
}
