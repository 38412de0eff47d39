package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.Update;
import org.codeshare.database.TestDatabase;
import org.codeshare.events.control.Events;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a room's history on the embedded default database, after a snapshot compacted it. */
class UpdateLogTest {

  private static final JsonProvider JSON = JsonProvider.provider();

  @TempDir static Path directory;
  private static TestDatabase db;

  @BeforeAll
  static void start() {
    db = TestDatabase.h2(directory);
  }

  @AfterAll
  static void stop() {
    db.factory().close();
  }

  @Test
  void aHistoryCompactedBehindASnapshotIsNotReadAcrossItsGap() throws SQLException {
    var room = roomWithUpdates(5);
    db.sql("delete from room_updates where room_id = '" + room + "' and version <= 2");

    assertThat(since(room, 2, Integer.MAX_VALUE)).hasSize(3);
    assertThat(since(room, 2, 2)).extracting(Update::clientId).containsExactly("c3", "c4");
    assertThat(since(room, 5, Integer.MAX_VALUE)).isEmpty();
    assertThatThrownBy(() -> since(room, 0, Integer.MAX_VALUE))
        .isInstanceOf(HistoryCompacted.class);
    assertThatThrownBy(() -> since(room, 1, 2)).isInstanceOf(HistoryCompacted.class);
  }

  private List<Update> since(UUID room, long version, int count) {
    return db.inTransaction(em -> log(em).since(room, version, count));
  }

  private static UpdateLog log(jakarta.persistence.EntityManager em) {
    var log = new UpdateLog();
    log.em = em;
    log.outbox = Events.outbox(em);
    return log;
  }

  /** A room with {@code count} updates, each appending a letter, by clients c1, c2, ... */
  private static UUID roomWithUpdates(int count) {
    var slug = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    var room = new Room(slug, "History", Language.JAVA, Instant.now());
    db.inTransaction(
        em -> {
          em.persist(room);
          return null;
        });
    var updates = new ArrayList<Update>();
    for (int i = 0; i < count; i++) {
      var json = i == 0 ? "[[0,\"a\"]]" : "[" + i + ",[0,\"a\"]]";
      try (var reader = JSON.createReader(new StringReader(json))) {
        updates.add(new Update("c" + (i + 1), ChangeSet.fromJson(reader.readArray())));
      }
    }
    var appended =
        db.inTransaction(
            em ->
                log(em)
                    .appendAll(
                        room.id(),
                        0,
                        List.of(new UpdateLog.Authored(updates, null, RoomRole.OWNER))));
    assertThat(appended).isInstanceOf(UpdateLog.Committed.class);
    return room.id();
  }
}
