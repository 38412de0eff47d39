package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;

/**
 * How a room batches: pushes queued while a commit runs are committed together, stale ones reading
 * the history they missed once, and commits within one tick go out as one frame.
 */
class CommitBatchingTest extends SequencerFixture {

  @Test
  void pushesQueuedDuringACommitAreCommittedTogetherAndSentInOneMessage() throws Exception {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    var others = editors(4);
    var held = pushHeld(a, push(0, "ann", "[[0,\"a\"]]"));
    for (int i = 0; i < others.size(); i++) {
      sequencer.push(roomId, others.get(i), push(0, "p" + i, "[[0,\"" + i + "\"]]"));
    }
    held.countDown();

    assertThat(ann.updates(0, 1)).hasSize(1);
    var batch = ann.next("updates");
    assertThat(batch.getInt("from")).isEqualTo(1);
    assertThat(batch.getJsonArray("updates")).hasSize(4);
    assertThat(log.appends).isEqualTo(2);
    assertThat(doc(log.history)).hasSize(5).startsWith("a");
  }

  @Test
  void aPushTheBatchCannotTakeIsRefusedAndTheRestMakeTheStoredText() throws Exception {
    sequencer.settings.maxDocLength = 4;
    var ann = new RecordingOutlet();
    var cid = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    var b = join("bob", RoomRole.EDITOR, new RecordingOutlet());
    var c = join("cid", RoomRole.EDITOR, cid);
    var d = join("dan", RoomRole.EDITOR, new RecordingOutlet());
    var held = pushHeld(a, push(0, "ann", "[[0,\"a\"]]"));
    sequencer.push(roomId, b, push(0, "bob", "[[0,\"bb\"]]"));
    sequencer.push(roomId, c, push(0, "cid", "[[0,\"cc\"]]")); // would make five characters
    sequencer.push(roomId, d, push(0, "dan", "[[0,\"d\"]]"));
    held.countDown();

    assertThat(cid.next("error").getString("code")).isEqualTo("doc-too-large");
    ann.updates(0, 1);
    assertThat(ann.next("updates").getJsonArray("updates")).hasSize(2); // bob's and dan's
    var stored = doc(log.history);
    assertThat(stored).hasSize(4).contains("a", "bb", "d");
    assertThat(helloForNewcomer().getString("doc")).isEqualTo(stored); // the room's own text
  }

  @Test
  void stalePushesCommittedTogetherReadTheHistoryBeyondTheWindowOnce() throws Exception {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    var late = editors(3);
    sequencer.push(roomId, a, push(0, "ann", "[[0,\"0\"]]"));
    ann.updates(0, 1);
    for (int version = 1; version < 4; version++) {
      sequencer.push(roomId, a, push(version, "ann", "[" + version + ",[0,\"" + version + "\"]]"));
      ann.updates(version, 1);
    }
    var held = pushHeld(a, push(4, "ann", "[4,[0,\"4\"]]"));
    int readsBefore = log.reads;
    // made on versions 0, 1 and 0, beyond the two updates the room keeps in memory
    sequencer.push(roomId, late.get(0), push(0, "p0", "[[0,\"a\"]]"));
    sequencer.push(roomId, late.get(1), push(1, "p1", "[1,[0,\"b\"]]"));
    sequencer.push(roomId, late.get(2), push(0, "p2", "[[0,\"c\"]]"));
    held.countDown();

    ann.updates(4, 1);
    ann.updates(5, 3);
    assertThat(log.appends).isEqualTo(6); // four, the held one, and the three together
    assertThat(log.reads - readsBefore).isEqualTo(1);
    assertThat(doc(log.history)).isEqualTo("01234abc");
  }

  @Test
  void commitsWithinOneTickOfABusyRoomGoOutAsOneFrame() throws Exception {
    sequencer.settings.fanoutFramesPerSecond = 4; // two sockets: one frame per half second
    var ann = new RecordingOutlet();
    var bob = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    var b = join("bob", RoomRole.EDITOR, bob);

    sequencer.push(roomId, a, push(0, "ann", "[[0,\"a\"]]"));
    assertThat(bob.next("updates").getJsonArray("updates")).hasSize(1); // a quiet room: at once
    sequencer.push(roomId, b, push(1, "bob", "[1,[0,\"b\"]]"));
    log.awaitHistory(2);
    sequencer.push(roomId, a, push(2, "ann", "[2,[0,\"c\"]]"));

    var frame = bob.next("updates");
    assertThat(frame.getInt("from")).isEqualTo(1);
    assertThat(frame.getJsonArray("updates")).hasSize(2); // two commits, one frame
    assertThat(log.appends).isEqualTo(3);
    assertThat(doc(log.history)).isEqualTo("abc");
  }
}
