package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codeshare.collab.entity.ChangeSetTest.changes;

import java.util.List;
import org.junit.jupiter.api.Test;

class RebaseTest {

  private static Update update(String clientId, String json) {
    return new Update(clientId, changes(json));
  }

  @Test
  void aPushWithNothingMissedIsKeptAsItIs() {
    List<Update> pushed = List.of(update("a", "[[0, \"x\"], 3]"));

    assertThat(Rebase.rebaseUpdates(pushed, List.of())).isEqualTo(pushed);
  }

  @Test
  void aStalePushIsMovedOverTheUpdatesItMissed() {
    String doc = "abc";
    List<Update> over =
        List.of(update("b", "[[0, \"1\"], 3]"), update("c", "[[1], [0, \"2\"], 3]"));
    String current = over.get(1).changes().apply(over.get(0).changes().apply(doc));
    List<Update> pushed = List.of(update("a", "[3, [0, \"!\"]]"), update("a", "[[1], 3]"));

    List<Update> rebased = Rebase.rebaseUpdates(pushed, over);

    assertThat(rebased).extracting(Update::clientId).containsExactly("a", "a");
    String after = rebased.get(1).changes().apply(rebased.get(0).changes().apply(current));
    assertThat(current).isEqualTo("2abc");
    assertThat(after).isEqualTo("2bc!");
  }

  @Test
  void updatesAlreadyAcceptedAreDroppedAndTheRestFollowThem() {
    Update first = update("a", "[[0, \"x\"], 2]");
    Update second = update("a", "[3, [0, \"y\"]]");
    Update firstAsAccepted = update("a", "[[0, \"x\"], 3]");
    List<Update> over = List.of(update("b", "[2, [0, \"z\"]]"), firstAsAccepted);

    List<Update> rebased = Rebase.rebaseUpdates(List.of(first, second), over);

    assertThat(rebased).hasSize(1);
    assertThat(rebased.get(0).changes().apply("xabz")).isEqualTo("xabzy");
  }

  @Test
  void likeCodeMirrorItMatchesAcceptedUpdatesByClientIdAlone() {
    Update pushed = update("a", "[[0, \"x\"], 2]");
    Update acceptedFromSameClient = update("a", "[[2]]");

    assertThat(Rebase.rebaseUpdates(List.of(pushed), List.of(acceptedFromSameClient))).isEmpty();
  }
}
