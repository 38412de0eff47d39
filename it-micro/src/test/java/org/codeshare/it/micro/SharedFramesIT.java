package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The editor frames on the wire, on two Payara Micro nodes sharing PostgreSQL and Redis: encoded
 * once for all the sockets they go to and written straight to each socket's connection.
 */
@ExtendWith(RealServersExtension.class)
class SharedFramesIT {

  private static MicroCluster cluster;
  private static EditorRooms first;
  private static EditorRooms second;

  @BeforeAll
  static void startNodes(RealServers servers) {
    cluster = MicroCluster.start(servers, 2);
    first = new EditorRooms(cluster.node(0).client()).posing();
    second = new EditorRooms(cluster.node(1).client()).posing();
  }

  @AfterAll
  static void stopNodes() {
    if (cluster != null) {
      cluster.close();
    }
  }

  /**
   * Both nodes write a room's frames encoded once for all its sockets (TyrusFrames), straight to
   * each socket's connection (ConnectionWrites), and shrink the copy buffer of what Tyrus still
   * writes itself (CopyBuffers): the frames reach the sockets on the same node and, through Redis,
   * on the other, whole and in order, with every length header (7, 16 and 64 bits), frames of a few
   * bytes and of tens of kilobytes (written in several goes), and multi-byte text.
   */
  @Test
  void framesEncodedOnceForAllSocketsReachEveryEditorWhole() throws Exception {
    var room = first.create();
    try (var ann = first.guest(room, "Ann");
        var bob = first.guest(room, "Bob");
        var cid = second.guest(room, "Cid")) {
      ann.next("hello");
      bob.next("hello");
      cid.next("hello");
      var texts = List.of("é😀", "x".repeat(200) + "ü", "y".repeat(70_000) + "中文");
      int length = 0;
      for (int version = 0; version < texts.size(); version++) {
        var text = texts.get(version);
        var inserted = Json.createArrayBuilder().add(0).add(text);
        var changes =
            (length == 0
                    ? Json.createArrayBuilder().add(inserted)
                    : Json.createArrayBuilder().add(length).add(inserted))
                .build();
        length += text.length();
        ann.send(
            Json.createObjectBuilder()
                .add("v", 1)
                .add("type", "push")
                .add("version", version)
                .add(
                    "updates",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("clientID", "ann")
                                .add("changes", changes)))
                .build());
        for (var editor : List.of(ann, bob, cid)) {
          var update = editor.next("updates").getJsonArray("updates").getJsonObject(0);
          assertThat(update.getJsonArray("changes")).isEqualTo(changes);
        }
      }
    }
    for (int node = 0; node < 2; node++) {
      assertThat(Files.readString(cluster.node(node).log(), StandardCharsets.UTF_8))
          .contains("editor frames are encoded once and written to every socket that gets them")
          .contains("editor frames are written straight to each socket's connection")
          .doesNotContain("editor frames are encoded once per socket")
          .doesNotContain("editor frames go through the server's output stream")
          .doesNotContain("editor sockets keep the server's copy buffer size");
    }
  }
}
