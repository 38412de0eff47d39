package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The editing path's commit against a real PostgreSQL with the application's schema: one statement
 * moves the version and writes the updates and their events, or writes nothing.
 */
class UpdateWriterTest {

  @RegisterExtension static final CommitDatabase db = new CommitDatabase();
  private final UpdateWriter writer = db.writer();

  @Test
  void appendsEveryUpdateAndOneEventPerPushInOrder() throws SQLException {
    var room = db.room(false);
    var first = db.push(db.owner, RoomRole.OWNER, "c1", "a", "b");
    var second = db.push(null, RoomRole.EDITOR, "c2", "c");

    var committed = writer.tryAppend(room, 0, List.of(first, second)).orElseThrow();

    assertThat(committed.from()).isZero();
    assertThat(committed.committed())
        .extracting(Update::clientId)
        .containsExactly("c1", "c1", "c2");
    assertThat(db.version(room)).isEqualTo("3");
    assertThat(
            db.query(
                "select version || ' ' || client_id || ' ' || coalesce(author_id::text, '-') || ' '"
                    + " || changes from room_updates where room_id = '"
                    + room
                    + "' order by version"))
        .containsExactly(
            "1 c1 " + db.owner + " [[0,\"a\"]]",
            "2 c1 " + db.owner + " [[0,\"b\"]]",
            "3 c2 - [[0,\"c\"]]");
    assertThat(
            db.query(
                "select concat_ws(' ', payload::json->>'type', coalesce(payload::json->>'actor',"
                    + " '-'), payload::json->'data'->>'fromVersion',"
                    + " payload::json->'data'->>'toVersion') from outbox where event_key = '"
                    + room
                    + "' order by id"))
        .containsExactly("document.updated " + db.owner + " 0 2", "document.updated - 2 3");
  }

  @Test
  void writesNothingWhenTheRoomMovedOn() throws SQLException {
    var room = db.room(false);
    writer.tryAppend(room, 0, List.of(db.push(db.owner, RoomRole.OWNER, "c1", "a"))).orElseThrow();

    var stale = writer.tryAppend(room, 0, List.of(db.push(db.owner, RoomRole.OWNER, "c2", "b")));

    assertThat(stale).isEmpty();
    assertThat(db.clients(room)).containsExactly("c1");
    assertThat(db.events(room)).isEqualTo("1");
  }

  @Test
  void aLockedRoomTakesTheOwnersPushesOnly() throws SQLException {
    var room = db.room(true);

    assertThat(writer.tryAppend(room, 0, List.of(db.push(null, RoomRole.EDITOR, "c1", "a"))))
        .isEmpty();
    assertThat(writer.tryAppend(room, 0, List.of(db.push(db.owner, RoomRole.OWNER, "c2", "b"))))
        .isPresent();
    assertThat(db.clients(room)).containsExactly("c2");
  }

  @Test
  void aDeletedRoomTakesNothing() throws SQLException {
    var room = db.room(false);
    db.update("update rooms set deleted_at = now() where id = '" + room + "'");

    assertThat(writer.tryAppend(room, 0, List.of(db.push(db.owner, RoomRole.OWNER, "c1", "a"))))
        .isEmpty();
    assertThat(db.updates(room)).isEqualTo("0");
  }
}
