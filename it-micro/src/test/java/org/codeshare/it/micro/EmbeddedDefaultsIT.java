package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.Readiness;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README's first command runs on a fresh machine: a node with no database, Redis, Kafka or
 * S3 configured (none of the test suites' environment reaches it), on the embedded defaults (an H2
 * file, presence and fan-out in the JVM, snapshots on the local disk, events kept in the outbox).
 * Edits made there are still there after the node restarts on the same data directory.
 */
class EmbeddedDefaultsIT {

  private static final String TEXT = "hello from a fresh machine";

  @TempDir Path dataDir;

  @Test
  void aNodeWithNothingConfiguredKeepsItsDocumentsAcrossARestart() {
    var environment =
        Map.of("CODESHARE_DATA_DIR", dataDir.toString(), "CODESHARE_SNAPSHOT_INTERVAL", "PT1S");
    EditorRooms.Room room;
    try (var node = MicroNode.startAlone(environment)) {
      var ready = node.client().get("health/ready");
      assertThat(ready.status()).as(ready.body()).isEqualTo(200);
      assertThat(Readiness.check(ready.json(), "database").getString("status")).isEqualTo("UP");
      for (var dependency : new String[] {"redis", "kafka", "s3"}) {
        var configured =
            Readiness.check(ready.json(), dependency).getJsonObject("data").get("configured");
        assertThat(configured.toString().replace("\"", "")).as(dependency).isEqualTo("false");
      }

      var rooms = new EditorRooms(node.client());
      room = rooms.create();
      try (var socket = rooms.guest(room, "Ann")) {
        var editor = new CollabEditor(socket, "ann-1");
        Typing.append(editor, TEXT);
        assertThat(editor.errors).isEmpty();
      }
    }

    try (var node = MicroNode.startAlone(environment);
        var socket = new EditorRooms(node.client()).guest(room, "Bob")) {
      var hello = socket.next("hello");
      assertThat(hello.getString("doc")).isEqualTo(TEXT);
      assertThat(hello.getJsonNumber("version").longValue()).isEqualTo(1);
    }
  }
}
