package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.codeshare.testing.Await;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.StoredDocuments;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rolling update of a two-node cluster while people type: one node is stopped with SIGTERM and
 * started again. The stopping node reports not ready first and refuses new editor sockets, then
 * closes its sockets with 1012; those editors reconnect to the surviving node (pulling before they
 * push) and no confirmed edit is lost or applied twice.
 */
@ExtendWith(RealServersExtension.class)
class GracefulRestartIT {

  private static final Duration READINESS_DELAY = Duration.ofSeconds(3);
  private static final Duration PACE = Duration.ofMillis(40);
  private static final Duration TYPING_AFTER_STOP = Duration.ofSeconds(2);

  @Test
  void restartingANodeWhileEditingLosesNoConfirmedEdit(RealServers servers) throws Exception {
    var environment = new HashMap<>(servers.appEnvironment());
    environment.put("CODESHARE_SHUTDOWN_READINESS_DELAY", READINESS_DELAY.toString());
    var config = Path.of(System.getProperty("codeshare.server-config"));
    var asDeployed = // JSON log lines, the pre-boot commands: as the images run a node
        List.of(
            "--logproperties",
            config.resolve("logging.properties").toString(),
            "--prebootcommandfile",
            config.resolve("pre-boot-commands.asadmin").toString());
    var starting = CompletableFuture.supplyAsync(() -> MicroNode.start(environment, asDeployed));
    var survivor = MicroNode.start(environment, asDeployed);
    MicroNode stopping = starting.join();
    var editors = new ArrayList<CollabEditor>();
    try (survivor) {
      var onStopping = new EditorRooms(stopping.client());
      var onSurvivor = new EditorRooms(survivor.client());
      var room = onStopping.create();
      var closeCodes = new ConcurrentHashMap<String, Integer>();
      for (int i = 0; i < 6; i++) {
        var node = i < 4 ? onStopping : onSurvivor;
        editors.add(new CollabEditor(node.guest(room, "Editor " + i), "editor-" + i));
      }
      var lateTicket = onStopping.ticket(room, "Late");
      var stopped = new CompletableFuture<Long>();
      var pool = Executors.newFixedThreadPool(editors.size());
      try {
        var runs = new ArrayList<Callable<Void>>();
        for (int i = 0; i < editors.size(); i++) {
          var editor = editors.get(i);
          var random = new Random(31L * i + 7);
          runs.add(() -> type(editor, random, room, onSurvivor, stopped, closeCodes));
        }
        var typing = runs.stream().map(run -> pool.submit(run)).toList();
        Await.until(
            "some edits confirmed", Duration.ofSeconds(20), () -> editors.get(0).version > 5);

        var stopper = CompletableFuture.runAsync(stopping::close);
        var draining = stopping.client().awaitStatus("health/ready", 503, Duration.ofSeconds(20));
        assertThat(editors.subList(0, 4))
            .as("readiness goes DOWN before any editor is sent away")
            .noneMatch(editor -> closeCodes.containsKey(editor.clientId));
        if (draining.contentType().startsWith("application/json")) {
          // else the container already answers for the stopping application
          assertThat(check(draining.json(), "node").getString("status")).isEqualTo("DOWN");
        }
        assertThat(EditorClient.refusal(onStopping.editorUri(room, lateTicket), Map.of()))
            .as("a new editor socket on the draining node")
            .isEqualTo(503);

        stopper.join();
        assertThat(stopping.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
        assertDrainedAndLogged(stopping);
        stopped.complete(System.nanoTime());
        for (var run : typing) {
          run.get();
        }
      } finally {
        pool.shutdownNow();
      }

      for (int i = 0; i < 4; i++) {
        assertThat(closeCodes.get(editors.get(i).clientId))
            .as(
                "%s close code; its last messages:%n%s",
                editors.get(i).clientId, editors.get(i).trace())
            .isEqualTo(1012);
      }
      int edits = editors.stream().mapToInt(e -> e.edits).sum();
      var stored = StoredDocuments.read(servers, room.slug());
      assertThat(stored.version()).as("one stored update per edit").isEqualTo(edits);
      for (var editor : editors) {
        Await.until(
            editor.clientId + " reaches version " + edits,
            EditorClient.WAIT,
            () -> {
              editor.process(Duration.ofMillis(50));
              return editor.version == edits;
            });
        // The stopping node releases the client IDs before it closes the sockets, but one may
        // still be held right after an editor moved; the protocol's answer is client-id-taken and
        // a later push (docs/collaboration.md). Any other error fails.
        assertThat(editor.errors)
            .as(
                "%s errors (%d edits); its last messages:%n%s",
                editor.clientId, edits, editor.trace())
            .allMatch(error -> error.getString("code").equals("client-id-taken"));
        assertThat(editor.doc).as(editor.clientId).isEqualTo(stored.text());
      }

      try (var restarted = MicroNode.start(environment)) {
        for (var node : List.of(new EditorRooms(restarted.client()), onSurvivor)) {
          try (var check = node.guest(room, "Check")) {
            var hello = check.next("hello");
            assertThat(hello.getJsonNumber("version").longValue()).isEqualTo(edits);
            assertThat(hello.getString("doc")).isEqualTo(stored.text());
          }
        }
      }
      survivor.close(); // SIGTERM too, with the editors gone
      assertDrainedAndLogged(survivor);
    } finally {
      editors.forEach(editor -> editor.client.close());
      stopping.close();
    }
  }

  /**
   * The node's drain ran to its end, and its lines were written although the JVM was stopping on
   * the signal (JSON lines: as deployed).
   */
  private static void assertDrainedAndLogged(MicroNode node) throws Exception {
    assertThat(Files.readString(node.log(), StandardCharsets.UTF_8))
        .as("the drain's log lines of %s", node.log())
        .contains("\"event\":\"drain-started\"")
        .contains("\"event\":\"drain-finished\"")
        .doesNotContain("the drain failed");
  }

  /**
   * Types at a steady pace until {@link #TYPING_AFTER_STOP} after the stop, reconnecting to the
   * survivor when the socket is closed, then waits until every own edit is confirmed.
   */
  private static Void type(
      CollabEditor editor,
      Random random,
      EditorRooms.Room room,
      EditorRooms survivor,
      CompletableFuture<Long> stopped,
      Map<String, Integer> closeCodes) {
    long next = System.nanoTime();
    while (!stopped.isDone() || System.nanoTime() - stopped.join() < TYPING_AFTER_STOP.toNanos()) {
      stayConnected(editor, room, survivor, closeCodes);
      while (System.nanoTime() < next) {
        editor.process(Duration.ofNanos(Math.max(1, next - System.nanoTime())));
      }
      if (editor.synced() && !editor.client.isClosed()) {
        for (int edit = 1 + random.nextInt(2); edit > 0; edit--) {
          editor.randomEdit(random);
        }
        push(editor);
      }
      next = System.nanoTime() + PACE.toNanos();
    }
    long deadline = System.nanoTime() + EditorClient.WAIT.toNanos();
    long nextPush = System.nanoTime();
    while (!editor.unconfirmed.isEmpty() && System.nanoTime() < deadline) {
      stayConnected(editor, room, survivor, closeCodes);
      editor.process(Duration.ofMillis(50));
      if (editor.synced() && System.nanoTime() > nextPush) {
        push(editor);
        nextPush = System.nanoTime() + Duration.ofMillis(500).toNanos();
      }
    }
    assertThat(editor.unconfirmed)
        .as("%s (close code %s, errors %s)", editor, closeCodes.get(editor.clientId), editor.errors)
        .isEmpty();
    return null;
  }

  /** Pushes; a socket the server is closing at this moment refuses it, and is reconnected. */
  private static void push(CollabEditor editor) {
    try {
      editor.push();
    } catch (CompletionException e) {
      Await.until("the refusing socket closes", EditorClient.WAIT, editor.client::isClosed);
    }
  }

  /** Reconnects to the survivor, by the reconnect rule, when the server closed the socket. */
  private static void stayConnected(
      CollabEditor editor,
      EditorRooms.Room room,
      EditorRooms survivor,
      Map<String, Integer> closeCodes) {
    if (editor.client.isClosed()) {
      closeCodes.putIfAbsent(editor.clientId, editor.client.awaitClose());
      editor.switchTo(survivor.guest(room, editor.clientId));
    }
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
  }
}
