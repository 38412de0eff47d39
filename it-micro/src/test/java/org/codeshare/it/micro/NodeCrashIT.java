package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node killed with {@code kill -9} while a dozen people edit: its editors reconnect to the other
 * node by the reconnect rule, and everyone ends with the same text, made of exactly the edits the
 * server confirmed to their authors, none lost and none twice.
 */
@ExtendWith(RealServersExtension.class)
class NodeCrashIT {

  private static final int EDITORS = 12;

  @Test
  void editorsOfAKilledNodeCarryOnOnTheOtherAndEveryConfirmedEditSurvives(RealServers servers)
      throws Exception {
    try (var cluster = MicroCluster.start(servers, 2)) {
      var survivor = new EditorRooms(cluster.node(0).client()).posing();
      var victim = new EditorRooms(cluster.node(1).client()).posing();
      var room = survivor.create();
      var typists = new ArrayList<Typist>();
      for (int i = 0; i < EDITORS; i++) {
        var node = i % 2 == 0 ? survivor : victim;
        typists.add(new Typist(node, survivor, room, "Editor " + i, i));
      }
      var onVictim = typists.stream().filter(t -> typists.indexOf(t) % 2 == 1).toList();
      var victimPeers = new HashSet<String>();
      onVictim.forEach(t -> victimPeers.add(t.editor.hello.getJsonObject("you").getString("id")));

      var stop = new AtomicBoolean();
      var pool = Executors.newFixedThreadPool(EDITORS);
      try {
        var running = new ArrayList<Future<Void>>();
        typists.forEach(typist -> running.add(pool.submit(() -> typist.type(stop))));
        awaitTypists(
            "editing in full swing on both nodes",
            typists,
            running,
            () -> typists.stream().allMatch(t -> t.progress >= 3));

        cluster.node(1).kill();

        awaitTypists(
            "every editor of the killed node edits again on the other",
            typists,
            running,
            () ->
                onVictim.stream()
                    .allMatch(t -> t.reconnects > 0 && t.progress >= t.confirmedOnReconnect + 3));
        stop.set(true);
        for (var typist : running) {
          typist.get(2, TimeUnit.MINUTES);
        }
      } finally {
        stop.set(true);
        pool.shutdownNow();
      }

      try (var checking = survivor.guest(room, "Checker")) {
        var checker = new CollabEditor(checking, "checker");
        long version = checker.version;
        var text = checker.doc;
        int confirmed = typists.stream().mapToInt(t -> t.editor.confirmed.size()).sum();
        assertThat(confirmed).as("every version is one confirmed edit").isEqualTo(version);
        assertThat(Typing.storedText(servers, room.slug(), version)).isEqualTo(text);
        for (var typist : typists) {
          var editor = typist.editor;
          Await.until(
              typist.name + " reaches version " + version,
              Duration.ofSeconds(30),
              () -> {
                editor.process(Duration.ofMillis(50));
                return editor.version == version;
              });
          assertThat(editor.unconfirmed).as(typist.name + " unconfirmed").isEmpty();
          assertThat(editor.doc).as(typist.name + " text").isEqualTo(text);
          assertThat(stored(servers, room.slug(), editor.clientId))
              .as(typist.name + ": the stored updates are exactly those confirmed to it")
              .isEqualTo(editor.confirmed);
          assertThat(editor.errors)
              .as(typist.name + " errors (a moved client ID is busy until its node expires)")
              .allMatch(error -> error.getString("code").equals("client-id-taken"));
        }
        for (var typist : typists) {
          if (!onVictim.contains(typist)) {
            Await.until(
                typist.name + " saw the killed node's editors leave",
                MicroCluster.TTL.multipliedBy(10),
                () -> {
                  typist.editor.process(Duration.ofMillis(50));
                  return typist.editor.departed.containsAll(victimPeers);
                });
          }
        }
        var node = cluster.node(0).client();
        Await.until(
            "the survivor counts every editor and the one room",
            Duration.ofSeconds(30),
            () ->
                node.metric("codeshare_websocket_connections_active") == EDITORS + 1
                    && node.metric("codeshare_rooms_active") == 1);
      } finally {
        typists.forEach(t -> t.editor.client.close());
      }
    }
  }

  /** Waits for typists; one that fails fails the test at once, with its cause. */
  private static void awaitTypists(
      String description, List<Typist> typists, List<Future<Void>> running, BooleanSupplier done)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
    while (!done.getAsBoolean()) {
      for (var typist : running) {
        if (typist.isDone()) {
          typist.get();
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("Timed out waiting for: " + description + "; " + typists);
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  /** The changes stored for one client ID, oldest first, in the form the editors keep them. */
  private static List<String> stored(RealServers servers, String slug, String clientId)
      throws Exception {
    var changes = new ArrayList<String>();
    try (var connection =
            DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
        var query =
            connection.prepareStatement(
                "select u.changes from room_updates u join rooms r on r.id = u.room_id"
                    + " where r.slug = ? and u.client_id = ? order by u.version")) {
      query.setString(1, slug);
      query.setString(2, clientId);
      try (var rows = query.executeQuery()) {
        while (rows.next()) {
          try (var reader = Json.createReader(new StringReader(rows.getString(1)))) {
            changes.add(ChangeSet.fromJson(reader.readArray()).toJson().toString());
          }
        }
      }
    }
    return changes;
  }
}
