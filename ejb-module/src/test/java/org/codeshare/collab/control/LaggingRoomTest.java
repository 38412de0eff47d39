package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;

/**
 * A room that fell behind the database (another node committed, the fan-out did not reach it): old
 * pushes are rebased over exactly the history up to the room's version, and a room further behind
 * than the kept history loads again. The memory window is two updates here.
 */
class LaggingRoomTest extends SequencerFixture {

  private Participant join(String name, RecordingOutlet outlet) {
    return join(name, RoomRole.EDITOR, outlet);
  }

  private static Update update(String clientId, String json) {
    return new Update(clientId, changes(json));
  }

  private String stored() {
    var doc = "";
    for (var update : log.committed()) {
      doc = update.changes().apply(doc);
    }
    return doc;
  }

  @Test
  void aPushOlderThanTheMemoryOnARoomBehindTheDatabaseIsCommittedNotRefused() {
    var ann = new RecordingOutlet();
    var a = join("ann", ann);
    var bob = new RecordingOutlet();
    var b = join("bob", bob);
    for (int i = 0; i < 4; i++) {
      sequencer.push(roomId, a, push(i, "ann", i == 0 ? "[[0,\"a\"]]" : "[" + i + ",[0,\"a\"]]"));
      ann.next("updates");
    }
    log.commitElsewhere(update("far", "[4,[0,\"b\"]]")); // not heard of here

    sequencer.push(roomId, b, push(1, "bob", "[[0,\"x\"],1]")); // made on "a", three behind

    assertThat(bob.updates(0, 6))
        .extracting(u -> u.getString("clientID"))
        .containsExactly("ann", "ann", "ann", "ann", "far", "bob");
    assertThat(log.committed()).extracting(Update::clientId).endsWith("far", "bob");
    assertThat(stored()).isEqualTo("xaaaab");
  }

  @Test
  void aRoomBehindItsCompactedHistoryLoadsAgainAndStartsEveryoneAgain() {
    var ann = new RecordingOutlet();
    var a = join("ann", ann);
    var third = update("far", "[2,[0,\"c\"]]");
    log.commitElsewhere(update("far", "[[0,\"a\"]]"));
    log.commitElsewhere(update("far", "[1,[0,\"b\"]]"));
    log.commitElsewhere(third);
    log.compactedThrough = 2; // a snapshot at 3 that kept one update

    sequencer.remote(new Fanout.Updates(roomId, 2, List.of(third))); // a gap: 1 and 2 missed

    var hello = ann.next("hello");
    assertThat(hello.getInt("version")).isEqualTo(3);
    assertThat(hello.getString("doc")).isEqualTo("abc");
    sequencer.push(roomId, a, push(3, "ann", "[3,[0,\"d\"]]"));
    assertThat(ann.next("updates").getInt("from")).isEqualTo(3);
    assertThat(stored()).isEqualTo("abcd");
  }

  @Test
  void aPushSentBeforeItsConnectionStartedAgainIsNotCommitted() throws Exception {
    var ann = new RecordingOutlet();
    var a = join("ann", ann);
    var held = pushHeld(a, push(0, "ann", "[[0,\"a\"]]")); // the room's commit waits
    var both =
        new ClientMessage.Push(
            0, List.of(update("ann", "[[0,\"a\"]]"), update("ann", "[1,[0,\"b\"]]")));
    sequencer.push(roomId, a, both); // "b" typed, pushed with "a" still unconfirmed
    sequencer.pull(roomId, a, 99); // a version the room never had: started again

    held.countDown();
    assertThat(ann.next("hello").getInt("version")).isEqualTo(1);
    sequencer.push(roomId, a, push(1, "ann", "[1,[0,\"c\"]]")); // "b" rebased as "c"
    log.awaitHistory(2);

    assertThat(stored()).as("b only once, as the client pushed it after the hello").isEqualTo("ac");
  }
}
