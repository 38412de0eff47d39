package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A server that rebases pushes made on old versions, processed late, while clients receive what is
 * accepted in their own time: every client's document stays the server's history plus its own
 * unconfirmed updates, at every step, and all converge.
 */
class StepwiseRebaseTest {

  record Push(int client, long version, List<Update> updates) {}

  @Test
  void updatesAlreadyAcceptedAreDroppedAndTheRestMovedOverTheOthers() {
    var own = new Update("a", ChangeSetTest.changes("[[0,\"x\"],2]"));
    var other = new Update("b", ChangeSetTest.changes("[3,[0,\"y\"]]"));
    var next = new Update("a", ChangeSetTest.changes("[1,[0,\"z\"],2]"));

    var rebased = StepwiseRebase.rebase(List.of(own, next), List.of(own, other));

    assertThat(rebased).extracting(Update::clientId).containsExactly("a");
    assertThat(rebased.get(0).changes().apply("xaby")).isEqualTo("xzaby");
  }

  @Test
  void countingStepsApartBuildsTheSetsThatMappingEveryStepBuilds() {
    var start = "0123456789".repeat(6);
    int counted = 0;
    for (long seed = 0; seed < 400; seed++) {
      var random = new Random(seed);
      var pushed = edits(random, "b", start, 1 + random.nextInt(4));
      var over = edits(random, "a", start, random.nextInt(60));

      var rebased = StepwiseRebase.rebase(pushed, over);

      var expected = mappedStepByStep(pushed, over);
      assertThat(rebased).as("seed %d", seed).isEqualTo(expected);
      for (var update : rebased) {
        var built = ChangeSet.fromJson(update.changes().toJson());
        assertThat(update.changes().length()).isEqualTo(built.length());
        assertThat(update.changes().newLength()).isEqualTo(built.newLength());
        assertThat(update.changes().singleFrom).isEqualTo(built.singleFrom);
        counted += update.changes().singleFrom >= 0 ? 1 : 0;
      }
    }
    assertThat(counted).isGreaterThan(200);
  }

  /** {@code count} edits one after another, now and then two of them in one update. */
  private static List<Update> edits(Random random, String client, String doc, int count) {
    var editor = new CollabClient(client, doc, 0);
    for (int i = 0; i < count; i++) {
      editor.randomEdit(random);
    }
    var updates = new ArrayList<Update>();
    for (var update : editor.unconfirmed) {
      int last = updates.size() - 1;
      if (last >= 0 && random.nextInt(5) == 0) {
        var joined = updates.get(last).changes().compose(update.changes());
        updates.set(last, new Update(client, joined));
      } else {
        updates.add(update);
      }
    }
    return updates;
  }

  /** The rebase done by walking the sections of every pair, as clients do. */
  private static List<Update> mappedStepByStep(List<Update> updates, List<Update> over) {
    var pending = new ArrayList<>(updates);
    for (var accepted : over) {
      ChangeSet changes = accepted.changes();
      for (int i = 0; i < pending.size(); i++) {
        var update = pending.get(i);
        var mapped = ChangeAlgebra.mapSections(update.changes(), changes, false, true);
        pending.set(i, new Update(update.clientId(), (ChangeSet) mapped));
        changes = (ChangeSet) ChangeAlgebra.mapSections(changes, update.changes(), true, true);
      }
    }
    return pending;
  }

  @Test
  void lateStalePushesConvergeWithClientsReceivingOneUpdateAtATime() {
    for (long seed = 0; seed < 1000; seed++) {
      session(new Random(seed), seed);
    }
  }

  private static void session(Random random, long seed) {
    var history = new ArrayList<Update>();
    var server = new StringBuilder();
    var clients = new ArrayList<CollabClient>();
    var inboxes = new ArrayList<ArrayDeque<Long>>();
    var pushes = new ArrayDeque<Push>();
    for (int i = 0; i < 3; i++) {
      clients.add(new CollabClient("c" + i, "", 0));
      inboxes.add(new ArrayDeque<>());
    }
    for (int step = 0; step < 60; step++) {
      int c = random.nextInt(clients.size());
      var client = clients.get(c);
      switch (random.nextInt(4)) {
        case 0 -> client.randomEdit(random);
        case 1 -> {
          if (!client.unconfirmed.isEmpty()) {
            pushes.add(new Push(c, client.version, List.copyOf(client.unconfirmed)));
          }
        }
        case 2 -> accept(pushes.poll(), history, server, inboxes);
        default -> deliver(client, inboxes.get(c).poll(), history, seed);
      }
    }
    for (int round = 0; round < 100 && !settled(clients, pushes, inboxes); round++) {
      while (!pushes.isEmpty()) {
        accept(pushes.poll(), history, server, inboxes);
      }
      for (int c = 0; c < clients.size(); c++) {
        var client = clients.get(c);
        while (!inboxes.get(c).isEmpty()) {
          deliver(client, inboxes.get(c).poll(), history, seed);
        }
        if (!client.unconfirmed.isEmpty()) {
          pushes.add(new Push(c, client.version, List.copyOf(client.unconfirmed)));
        }
      }
    }
    for (var client : clients) {
      assertThat(client.unconfirmed).as("seed %d", seed).isEmpty();
      assertThat(client.doc).as("seed %d", seed).isEqualTo(server.toString());
    }
    assertThat(history).hasSize(clients.stream().mapToInt(c -> c.edits).sum());
  }

  private static boolean settled(
      List<CollabClient> clients, ArrayDeque<Push> pushes, List<ArrayDeque<Long>> inboxes) {
    return pushes.isEmpty()
        && inboxes.stream().allMatch(ArrayDeque::isEmpty)
        && clients.stream().allMatch(c -> c.unconfirmed.isEmpty());
  }

  private static void accept(
      Push push, List<Update> history, StringBuilder server, List<ArrayDeque<Long>> inboxes) {
    if (push == null) {
      return;
    }
    var over = List.copyOf(history.subList((int) push.version(), history.size()));
    for (var update : StepwiseRebase.rebase(push.updates(), over)) {
      var doc = update.changes().apply(server.toString());
      server.setLength(0);
      server.append(doc);
      inboxes.forEach(inbox -> inbox.add((long) history.size()));
      history.add(update);
    }
  }

  private static void deliver(CollabClient client, Long from, List<Update> history, long seed) {
    if (from == null) {
      return;
    }
    client.receive(from, List.of(history.get(from.intValue())));
    assertThat(client.doc).as("seed %d", seed).isEqualTo(client.expectedDoc(history));
  }
}
