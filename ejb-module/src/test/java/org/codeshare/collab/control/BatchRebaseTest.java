package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;

/** A group commit that lost the race to another node is rebased as one sequence, under the lock. */
class BatchRebaseTest {

  private static final UUID ANN = UUID.randomUUID();
  private static final UUID BOB = UUID.randomUUID();

  private static Update update(String clientId, String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return new Update(clientId, ChangeSet.fromJson(reader.readArray()));
    }
  }

  private static String apply(String doc, List<Update> updates) {
    for (var update : updates) {
      doc = update.changes().apply(doc);
    }
    return doc;
  }

  @Test
  void eachPushKeepsItsAuthorAndTheBatchFollowsWhatTheOtherNodeCommitted() {
    // On "xy": ann inserts "A" at 0, then bob (on top of ann) inserts "B" at 3 and "C" at 4.
    var ann = new UpdateLog.Authored(List.of(update("ann", "[[0,\"A\"],2]")), ANN, RoomRole.EDITOR);
    var bob =
        new UpdateLog.Authored(
            List.of(update("bob", "[3,[0,\"B\"]]"), update("bob", "[4,[0,\"C\"]]")),
            BOB,
            RoomRole.EDITOR);
    var missed = List.of(update("carol", "[1,[0,\"-\"],1]")); // "x-y", committed elsewhere first

    var batch = UpdateLog.rebased(List.of(ann, bob), missed);

    assertThat(batch).hasSize(2);
    assertThat(batch.get(0).authorId()).isEqualTo(ANN);
    assertThat(batch.get(0).updates()).hasSize(1);
    assertThat(batch.get(1).authorId()).isEqualTo(BOB);
    assertThat(batch.get(1).updates()).hasSize(2);
    var doc =
        apply(apply("xy", missed), batch.stream().flatMap(p -> p.updates().stream()).toList());
    assertThat(doc).isEqualTo("Ax-yBC");
  }

  @Test
  void aPushTheOtherNodeAlreadyCommittedIsLeftOut() {
    var ann = new UpdateLog.Authored(List.of(update("ann", "[[0,\"A\"],2]")), ANN, RoomRole.EDITOR);
    var bob = new UpdateLog.Authored(List.of(update("bob", "[3,[0,\"B\"]]")), BOB, RoomRole.EDITOR);
    var missed = List.of(update("ann", "[[0,\"A\"],2]")); // ann's push, committed before

    var batch = UpdateLog.rebased(List.of(ann, bob), missed);

    assertThat(batch).hasSize(1);
    assertThat(batch.get(0).authorId()).isEqualTo(BOB);
    var doc = apply(apply("xy", missed), batch.get(0).updates());
    assertThat(doc).isEqualTo("AxyB");
  }
}
