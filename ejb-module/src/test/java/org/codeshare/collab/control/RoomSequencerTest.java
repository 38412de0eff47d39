package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import org.codeshare.collab.entity.Update;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;
import org.codeshare.rooms.entity.RoomSettingsChanged;
import org.codeshare.snapshots.control.Snapshots;
import org.junit.jupiter.api.Test;

/** The per-room sequencer without a server: rebasing, confirming, conflicts with another node. */
class RoomSequencerTest extends SequencerFixture {

  private RoomTexts texts() {
    var texts = new RoomTexts();
    texts.rooms = sequencer;
    return texts;
  }

  @Test
  void twoPushesOnTheSameVersionAreBothCommittedTheSecondRebased() {
    var ann = new RecordingOutlet();
    var bob = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    var b = join("bob", RoomRole.EDITOR, bob);

    sequencer.push(roomId, a, push(0, "ann", "[[0,\"hello\"]]"));
    sequencer.push(roomId, b, push(0, "bob", "[[0,\"world\"]]"));

    var updates = bob.updates(0, 2);
    assertThat(updates.get(1).getJsonArray("changes")).hasToString("[5,[0,\"world\"]]");
    assertThat(doc(log.history)).isEqualTo("helloworld");
  }

  @Test
  void anUpdateCommittedByAnotherNodeIsCaughtUpWithAndThePushRebasedOverIt() {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    log.commitElsewhere(new Update("elsewhere", changes("[[0,\"abc\"]]")));

    sequencer.push(roomId, a, push(0, "ann", "[[0,\"x\"]]"));

    var missed = ann.next("updates");
    assertThat(missed.getJsonArray("updates").getJsonObject(0).getString("clientID"))
        .isEqualTo("elsewhere");
    var own = ann.next("updates");
    assertThat(own.getInt("from")).isEqualTo(1);
    assertThat(log.history).extracting(Update::clientId).containsExactly("elsewhere", "ann");
    assertThat(doc(log.history)).isEqualTo("abcx");
  }

  @Test
  void aLoadedRoomAnswersItsTextFromMemoryWhenItIsAtTheVersionAskedFor() {
    join("ann", RoomRole.EDITOR, new RecordingOutlet());
    log.commitElsewhere(new Update("elsewhere", changes("[[0,\"abc\"]]")));
    log.failNextSince = true; // a read of the log would fail and be seen

    var fromMemory = texts().current(roomId, 0);

    assertThat(fromMemory).isEqualTo(new Snapshots.State(0, ""));
    assertThat(log.failNextSince).as("the log was not read").isTrue();
    log.failNextSince = false;
    assertThat(texts().current(roomId, 1)).isEqualTo(new Snapshots.State(1, "abc"));
    log.commitElsewhere(new Update("elsewhere", changes("[3,[0,\"d\"]]")));
    assertThat(texts().current(roomId)).isEqualTo(new Snapshots.State(2, "abcd"));
  }

  @Test
  void aCommitWhoseAnswerWasLostIsConfirmedFromTheHistoryNotWrittenTwice() {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    log.failAfterNextCommit = true;

    sequencer.push(roomId, a, push(0, "ann", "[[0,\"once\"]]"));

    var confirmed = ann.next("updates");
    assertThat(confirmed.getJsonArray("updates")).hasSize(1);
    assertThat(log.history).hasSize(1);
    assertThat(log.appends).isEqualTo(1);
  }

  @Test
  void aLockedRoomRefusesTheEditorAndKeepsTheDocument() {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    log.locked = true;

    sequencer.push(roomId, a, push(0, "ann", "[[0,\"no\"]]"));

    assertThat(ann.next("error").getString("code")).isEqualTo("locked");
    assertThat(log.history).isEmpty();
  }

  @Test
  void aPushThatDoesNotFitTheDocumentIsRefused() {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);

    sequencer.push(roomId, a, push(0, "ann", "[5]"));
    sequencer.push(roomId, a, push(0, "ann", "[[0,\"" + "x".repeat(1001) + "\"]]"));

    assertThat(ann.next("error").getString("code")).isEqualTo("invalid-changes");
    assertThat(ann.next("error").getString("code")).isEqualTo("doc-too-large");
    assertThat(log.history).isEmpty();
  }

  @Test
  void aPullBeyondTheMemoryWindowIsServedFromTheLog() {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    for (int i = 0; i < 4; i++) {
      sequencer.push(roomId, a, push(i, "ann", i == 0 ? "[[0,\"a\"]]" : "[" + i + ",[0,\"a\"]]"));
      ann.next("updates");
    }

    sequencer.pull(roomId, a, 1);

    for (int from = 1; from < 4; from++) {
      JsonObject pulled = ann.next("updates");
      assertThat(pulled.getInt("from")).isEqualTo(from);
      assertThat(pulled.getJsonArray("updates")).hasSize(1);
    }
  }

  @Test
  void aClientIdBelongsToOneConnection() {
    var ann = new RecordingOutlet();
    var bob = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    var b = join("bob", RoomRole.EDITOR, bob);
    sequencer.push(roomId, a, push(0, "shared", "[[0,\"a\"]]"));
    ann.next("updates");

    sequencer.push(roomId, b, push(1, "shared", "[1,[0,\"b\"]]"));

    assertThat(bob.next("error").getString("code")).isEqualTo("client-id-taken");
    assertThat(log.history).hasSize(1);
  }

  @Test
  void updatesFromAnotherNodeAreTakenOnceAndAGapIsFilledFromTheLog() {
    var ann = new RecordingOutlet();
    join("ann", RoomRole.EDITOR, ann);
    var first = new Update("far", changes("[[0,\"a\"]]"));
    var second = new Update("far", changes("[1,[0,\"b\"]]"));
    var third = new Update("far", changes("[2,[0,\"c\"]]"));
    log.commitElsewhere(first);
    sequencer.remote(new Fanout.Updates(roomId, 0, List.of(first)));
    sequencer.remote(new Fanout.Updates(roomId, 0, List.of(first)));
    log.commitElsewhere(second);
    log.commitElsewhere(third);

    sequencer.remote(new Fanout.Updates(roomId, 2, List.of(third)));

    assertThat(ann.updates(0, 3)).extracting(u -> u.getString("clientID")).containsOnly("far");
    var late = new RecordingOutlet();
    sequencer.join(
        roomId,
        new Participant(
            new Peer("late", "late", "#000", RoomRole.EDITOR), "late", null, true, "java", late));
    var hello = late.next("hello");
    assertThat(hello.getInt("version")).isEqualTo(3);
    assertThat(hello.getString("doc")).isEqualTo("abc");
  }

  @Test
  void aClientAheadOfThisNodeIsCaughtUpFromTheLogNotReset() {
    var ann = new RecordingOutlet();
    var a = join("ann", RoomRole.EDITOR, ann);
    log.commitElsewhere(new Update("far", changes("[[0,\"a\"]]")));

    sequencer.pull(roomId, a, 1);

    var caughtUp = ann.next("updates");
    assertThat(caughtUp.getInt("from")).isZero();
    var answer = ann.next("updates");
    assertThat(answer.getInt("from")).isEqualTo(1);
    assertThat(answer.getJsonArray("updates")).isEmpty();
    assertThat(ann.messages).isEmpty();
  }

  @Test
  void aRoomSettingsChangeIsAnnouncedToEveryoneInTheRoom() {
    var ann = new RecordingOutlet();
    var bob = new RecordingOutlet();
    join("ann", RoomRole.OWNER, ann);
    join("bob", RoomRole.VIEWER, bob);

    var relay = new RoomSettingsRelay();
    relay.rooms = sequencer;
    relay.changed(new RoomSettingsChanged(roomId, "Interview", "python", "VIEW", true));

    for (var outlet : List.of(ann, bob)) {
      var room = outlet.next("room");
      assertThat(room.getString("language")).isEqualTo("python");
      assertThat(room.getString("title")).isEqualTo("Interview");
      assertThat(room.getString("linkAccess")).isEqualTo("VIEW");
      assertThat(room.getBoolean("locked")).isTrue();
    }
  }
}
