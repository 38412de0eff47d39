package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.CollabClient;
import org.codeshare.collab.entity.Update;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.RepeatedTest;

/**
 * Editors pushing concurrently, each with several pushes in flight, through the real sequencer: all
 * end with the text of the log, and every edit is in it once.
 */
class SequencerConvergenceTest extends SequencerFixture {

  /** A collab client connected to the sequencer through a recording outlet. */
  static final class Editor {
    final RecordingOutlet outlet = new RecordingOutlet();
    final CollabClient client;
    final Participant participant;
    final List<JsonObject> errors = new ArrayList<>();

    Editor(String id) {
      client = new CollabClient(id, "", 0);
      participant =
          new Participant(
              new Peer(id, id, "#000", RoomRole.EDITOR), id, null, true, "java", outlet);
    }

    void process(JsonObject message) {
      switch (message.getString("type")) {
        case "updates" ->
            client.receive(message.getJsonNumber("from").longValue(), updates(message));
        case "error" -> errors.add(message);
        default -> {}
      }
    }

    static List<Update> updates(JsonObject message) {
      var updates = new ArrayList<Update>();
      for (var u : message.getJsonArray("updates").getValuesAs(JsonObject.class)) {
        updates.add(
            new Update(u.getString("clientID"), ChangeSet.fromJson(u.getJsonArray("changes"))));
      }
      return updates;
    }

    ClientMessage.Push push() {
      return new ClientMessage.Push(client.version, List.copyOf(client.unconfirmed));
    }
  }

  @RepeatedTest(5)
  void concurrentOverlappingPushesConverge() throws Exception {
    var roomId = UUID.randomUUID();
    var editors = new ArrayList<Editor>();
    for (int i = 0; i < 6; i++) {
      var editor = new Editor("c" + i);
      sequencer.join(roomId, editor.participant);
      editor.outlet.next("hello");
      editors.add(editor);
    }
    var pool = Executors.newFixedThreadPool(editors.size());
    var runs = new ArrayList<Callable<Void>>();
    long seed = System.nanoTime();
    for (var editor : editors) {
      var random = new Random(seed + editor.client.id.hashCode());
      runs.add(
          () -> {
            for (int round = 0; round < 60; round++) {
              JsonObject message;
              while ((message = editor.outlet.messages.poll()) != null) {
                editor.process(message);
              }
              editor.client.randomEdit(random);
              if (random.nextInt(3) > 0) {
                sequencer.push(roomId, editor.participant, editor.push());
              }
            }
            while (!editor.client.unconfirmed.isEmpty()) {
              sequencer.push(roomId, editor.participant, editor.push());
              var message = editor.outlet.messages.poll(5, TimeUnit.SECONDS);
              assertThat(message).as("a message for " + editor.client.id).isNotNull();
              editor.process(message);
            }
            return null;
          });
    }
    for (var run : pool.invokeAll(runs)) {
      run.get();
    }
    pool.shutdownNow();
    int edits = editors.stream().mapToInt(e -> e.client.edits).sum();
    assertThat(log.history).as("seed " + seed).hasSize(edits);
    var text = doc(log.history);
    for (var editor : editors) {
      while (editor.client.version < edits) {
        editor.process(editor.outlet.next("updates"));
      }
      assertThat(editor.errors).isEmpty();
      assertThat(editor.client.doc).as(editor.client.id + ", seed " + seed).isEqualTo(text);
    }
  }

  static String doc(List<Update> history) {
    var doc = "";
    for (var update : history) {
      doc = update.changes().apply(doc);
    }
    return doc;
  }
}
