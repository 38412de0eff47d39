package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The EAR on Payara Server and a second node, the WAR on Payara Micro ({@link MicroNode}), sharing
 * PostgreSQL and Redis: editors on either node converge, and chat and presence cross between them.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class TwoNodesIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static MicroNode second;

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms first = new EditorRooms(app);

  /** Started by the first test that needs it, shared by the others. */
  private static synchronized EditorRooms secondNode(RealServers servers) {
    if (second == null) {
      // This JVM's environment (the data directory with the signing key) plus the servers.
      second = MicroNode.start(servers.appEnvironment());
    }
    return new EditorRooms(second.client());
  }

  @AfterAll
  static void stopSecondNode() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void editorsOnBothNodesConvergeOnTheStoredText(RealServers servers) throws Exception {
    var other = secondNode(servers);
    var room = first.create();
    var editors = new ArrayList<CollabEditor>();
    try {
      for (int i = 0; i < 10; i++) {
        var node = i % 2 == 0 ? first : other;
        editors.add(new CollabEditor(node.guest(room, "Editor " + i), "client-" + i));
      }
      Typing.together(editors, 30);
      int edits = editors.stream().mapToInt(e -> e.edits).sum();
      try (var onFirst = first.guest(room, "Check 1");
          var onSecond = other.guest(room, "Check 2")) {
        var one = new CollabEditor(onFirst, "check-1");
        var two = new CollabEditor(onSecond, "check-2");
        assertThat(one.version).as("one version per edit").isEqualTo(edits);
        assertThat(two.version).isEqualTo(edits);
        assertThat(two.doc).isEqualTo(one.doc);
        Typing.converge(editors, edits, one.doc);
        assertThat(Typing.storedText(servers, room.slug(), edits)).isEqualTo(one.doc);
      }
    } finally {
      editors.forEach(e -> e.client.close());
    }
  }

  @Test
  void twoNodesWriteEverySnapshotOnceAndMissNone(RealServers servers) {
    var other = secondNode(servers);
    var stored = new StoredRooms(servers);
    Await.until("no room waits for a snapshot", WAIT, () -> stored.roomsAwaitingSnapshot() == 0);
    double before = writtenOnBothNodes();
    var rooms = new ArrayList<EditorRooms.Room>();
    for (int i = 0; i < 6; i++) {
      rooms.add(first.create());
    }
    for (int round = 0; round < 4; round++) {
      for (int i = 0; i < rooms.size(); i++) {
        var node = (i + round) % 2 == 0 ? first : other;
        try (var client = node.guest(rooms.get(i), "Typist")) {
          Typing.append(new CollabEditor(client, "typist-" + round), "round " + round + "\n");
        }
      }
    }
    Await.until("every room snapshotted", WAIT, () -> stored.roomsAwaitingSnapshot() == 0);
    long rows = 0;
    for (var room : rooms) {
      var snapshots = stored.snapshots(room.slug());
      assertThat(snapshots.get(snapshots.size() - 1).version()).as("newest").isEqualTo(4);
      rows += snapshots.size();
    }
    assertThat(writtenOnBothNodes() - before).as("objects written by both nodes").isEqualTo(rows);
  }

  private double writtenOnBothNodes() {
    return app.metric("codeshare_snapshots_written_total")
        + second.client().metric("codeshare_snapshots_written_total");
  }

  @Test
  void chatAndPresenceCrossNodes(RealServers servers) {
    var other = secondNode(servers);
    var room = first.create();
    try (var ann = first.guest(room, "Ann")) {
      ann.next("hello");
      try (var bob = other.guest(room, "Bob")) {
        bob.next("hello");
        assertThat(ann.next("presence").getJsonObject("joined").getString("name")).isEqualTo("Bob");
        bob.send(EditorClient.message("chat").add("text", "hello from Micro").build());
        var chat = ann.next("chat");
        assertThat(chat.getString("name")).isEqualTo("Bob");
        assertThat(chat.getString("text")).isEqualTo("hello from Micro");
      }
      assertThat(ann.next("presence").getJsonObject("left").getString("name")).isEqualTo("Bob");
    }
  }
}
