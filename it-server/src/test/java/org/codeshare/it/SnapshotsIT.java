package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.Changes;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Snapshots on the EAR against PostgreSQL and S3: the timer writes changed rooms to S3 with their
 * checksum, the update log is compacted behind them, cold loads start from them (and survive a
 * corrupt one), and an S3 outage delays them without touching editing.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class SnapshotsIT {

  static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  @Test
  void theTimerWritesAChangedRoomToS3WithItsChecksum(RealServers servers) throws Exception {
    var stored = new StoredRooms(servers);
    var room = rooms.create();
    String text;
    try (var client = rooms.guest(room, "Ann")) {
      var ann = new CollabEditor(client, "ann");
      Typing.append(ann, "class Snapshot {}\n");
      Typing.append(ann, "// ü 😀 done\n");
      text = ann.doc;
    }
    var row =
        Await.value(
            "a snapshot of version 2",
            WAIT,
            () ->
                stored.snapshots(room.slug()).stream()
                    .filter(s -> s.version() == 2)
                    .findFirst()
                    .orElse(null));
    var roomId = stored.roomId(room.slug());
    assertThat(row.storage()).isEqualTo("S3");
    assertThat(row.key()).isEqualTo("snapshots/" + roomId + "/2");
    var object = stored.object(row.key());
    assertThat(new String(object, StandardCharsets.UTF_8)).isEqualTo(text);
    assertThat(row.sha256()).isEqualTo(sha256(object));
    assertThat(row.size()).isEqualTo(object.length);
    assertThat(app.metric("codeshare_snapshots_written_total")).isGreaterThanOrEqualTo(1);

    var listed = app.get("api/rooms/" + room.slug() + "/snapshots").json();
    var newest = listed.getJsonArray("items").getJsonObject(0);
    assertThat(newest.getInt("version")).isEqualTo(2);
    assertThat(newest.getString("reason")).isEqualTo("timer");
    assertThat(newest.getString("sha256")).isEqualTo(row.sha256());

    var download = app.get("api/rooms/" + room.slug() + "/snapshots/2/content");
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(text);
    assertThat(download.header("Content-Disposition").orElseThrow())
        .contains("filename=\"Live-v2.java\"");
    var export = app.get("api/rooms/" + room.slug() + "/export");
    assertThat(export.body()).isEqualTo(text);
    assertThat(export.header("Content-Disposition").orElseThrow())
        .contains("filename=\"Live.java\"");
  }

  @Test
  void anUnchangedRoomIsNotSnapshottedAgain(RealServers servers) {
    var stored = new StoredRooms(servers);
    var room = rooms.create();
    try (var client = rooms.guest(room, "Ann")) {
      Typing.append(new CollabEditor(client, "ann"), "once");
    }
    Await.until("first snapshot", WAIT, () -> stored.snapshots(room.slug()).size() == 1);
    for (int round = 0; round < 2; round++) {
      var later = rooms.create(); // snapshotted by a later timer round than the first room
      try (var client = rooms.guest(later, "Bob")) {
        Typing.append(new CollabEditor(client, "bob"), "later");
      }
      Await.until("a later round", WAIT, () -> stored.snapshots(later.slug()).size() == 1);
    }
    assertThat(stored.snapshots(room.slug())).hasSize(1);
  }

  @Test
  void restoreReachesConnectedEditorsAndCanItselfBeUndone() {
    var room = rooms.create();
    try (var annClient = rooms.owner(room, "Ann");
        var bobClient = rooms.guest(room, "Bob")) {
      var ann = new CollabEditor(annClient, "ann");
      var bob = new CollabEditor(bobClient, "bob");
      Typing.append(ann, "first draft\n");
      var saved = rooms.asOwner(room, "POST", "snapshots", "{\"label\":\"Draft one\"}");
      assertThat(saved.status()).as(saved.body()).isEqualTo(201);
      assertThat(saved.json().getInt("version")).isEqualTo(1);
      assertThat(saved.json().getString("label")).isEqualTo("Draft one");
      assertThat(saved.json().getString("reason")).isEqualTo("manual");
      Typing.settle(List.of(ann, bob), 1);
      Typing.append(bob, "second thoughts\n");
      Typing.settle(List.of(ann, bob), 2);

      var restored = rooms.asOwner(room, "POST", "snapshots/1/restore", null);
      assertThat(restored.status()).as(restored.body()).isEqualTo(200);
      assertThat(restored.json().getInt("version")).isEqualTo(3);
      Typing.settle(List.of(ann, bob), 3);
      assertThat(ann.doc).isEqualTo("first draft\n");
      assertThat(bob.doc).isEqualTo("first draft\n");

      var history = app.get("api/rooms/" + room.slug() + "/snapshots").json().getJsonArray("items");
      var before = entry(history, 2);
      assertThat(before.getString("reason")).isEqualTo("restore");
      assertThat(before.getString("label")).isEqualTo("Before restoring version 1");
      assertThat(entry(history, 3).getString("label")).isEqualTo("Restored version 1");

      var undone = rooms.asOwner(room, "POST", "snapshots/2/restore", null);
      assertThat(undone.status()).as(undone.body()).isEqualTo(200);
      Typing.settle(List.of(ann, bob), 4);
      assertThat(ann.doc).isEqualTo("first draft\nsecond thoughts\n");
      assertThat(bob.doc).isEqualTo(ann.doc);
    }
  }

  @Test
  void viewersCannotRestoreOrSaveAndUnknownVersionsAre404() {
    var room = rooms.create();
    try (var client = rooms.owner(room, "Ann")) {
      Typing.append(new CollabEditor(client, "ann"), "x");
    }
    rooms.patch(room, "{\"linkAccess\":\"VIEW\"}");
    var asViewer = app.request("POST", "api/rooms/" + room.slug() + "/snapshots", "{}");
    assertThat(asViewer.status()).isEqualTo(403);
    assertThat(asViewer.contentType()).startsWith("application/problem+json");
    assertThat(rooms.asOwner(room, "POST", "snapshots", "{}").status()).isEqualTo(201);
    var viewerRestore =
        app.request("POST", "api/rooms/" + room.slug() + "/snapshots/1/restore", "");
    assertThat(viewerRestore.status()).isEqualTo(403);
    assertThat(rooms.asOwner(room, "GET", "snapshots/99/content", null).status()).isEqualTo(404);
    assertThat(rooms.asOwner(room, "GET", "snapshots/abc/content", null).status()).isEqualTo(404);
    assertThat(rooms.asOwner(room, "POST", "snapshots", "{\"label\":\"x\",\"extra\":1}").status())
        .isEqualTo(400);
  }

  @Test
  void aClientBehindTheCompactedHistoryGetsAFullResync(RealServers servers) {
    var stored = new StoredRooms(servers);
    var room = rooms.create();
    try (var annClient = rooms.guest(room, "Ann");
        var bobClient = rooms.guest(room, "Bob")) {
      var ann = new CollabEditor(annClient, "ann");
      var bob = new CollabEditor(bobClient, "bob");
      for (int push = 0; push < 11; push++) {
        for (int i = 0; i < 100; i++) {
          int end = ann.doc.length();
          ann.edit(Changes.replace(end, end, 0, (i % 10 == 9) ? "\n" : "x"));
        }
        ann.push();
        Await.until(
            "a push of 100 confirmed",
            WAIT,
            () -> {
              ann.process(Duration.ofMillis(100));
              return ann.unconfirmed.isEmpty();
            });
      }
      assertThat(ann.version).isEqualTo(1100);
      Await.until("the log compacted", WAIT, () -> stored.historyFloor(room.slug()) >= 100);
      assertThat(stored.oldestUpdate(room.slug())).isEqualTo(stored.historyFloor(room.slug()) + 1);

      bob.client.send(EditorClient.message("pull").add("version", 5).build());
      var resync = bob.client.next("hello");
      assertThat(resync.getInt("version")).isEqualTo(1100);
      assertThat(resync.getString("doc")).isEqualTo(ann.doc);

      var stale =
          Json.createArrayBuilder()
              .add(
                  Json.createObjectBuilder()
                      .add("clientID", "bob")
                      .add(
                          "changes",
                          Json.createArrayBuilder()
                              .add(Json.createArrayBuilder().add(0).add("z"))
                              .add(5)));
      bob.client.send(EditorClient.message("push").add("version", 5).add("updates", stale).build());
      assertThat(bob.client.next("hello").getInt("version")).isEqualTo(1100);
    }
  }

  @Test
  void aColdLoadStartsFromTheNewestGoodSnapshotAndSkipsACorruptOne(RealServers servers) {
    var stored = new StoredRooms(servers);
    var room = rooms.create();
    String text;
    try (var client = rooms.owner(room, "Ann")) {
      var ann = new CollabEditor(client, "ann");
      Typing.append(ann, "one\n");
      assertThat(rooms.asOwner(room, "POST", "snapshots", "{}").status()).isEqualTo(201);
      Typing.append(ann, "two\n");
      assertThat(rooms.asOwner(room, "POST", "snapshots", "{}").status()).isEqualTo(201);
      Typing.append(ann, "three\n");
      text = ann.doc;
    }
    var newest =
        Await.value(
            "the timer's snapshot of version 3",
            WAIT,
            () -> stored.snapshots(room.slug()).stream().filter(s -> s.version() == 3).findAny());
    stored.overwrite(
        newest.orElseThrow().key(), "one\ntampered\n".getBytes(StandardCharsets.UTF_8));
    var before = app.metric("codeshare_snapshot_failures_total", "kind=\"unreadable\"");

    Await.until("the room unloaded", WAIT, () -> app.metric("codeshare_rooms_loaded") == 0);
    try (var client = rooms.guest(room, "Bob")) {
      var hello = client.next("hello");
      assertThat(hello.getString("doc")).isEqualTo(text);
      assertThat(hello.getInt("version")).isEqualTo(3);
    }
    assertThat(app.metric("codeshare_snapshot_failures_total", "kind=\"unreadable\""))
        .isGreaterThan(before);
    var snapshots =
        app.get("health/ready").json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(check -> check.getString("name").equals("snapshots"))
            .findFirst()
            .orElseThrow();
    var data = snapshots.getJsonObject("data");
    assertThat(Long.parseLong(data.get("unreadableSeen").toString().replace("\"", "")))
        .isPositive();
    assertThat(snapshots.getJsonObject("data").getString("lastProblem"))
        .contains("checksum mismatch");
  }

  @Test
  void anS3OutageDelaysSnapshotsButNotEditing(RealServers servers) throws Exception {
    var stored = new StoredRooms(servers);
    var room = rooms.create();
    try (var client = rooms.owner(room, "Ann")) {
      var ann = new CollabEditor(client, "ann");
      Typing.append(ann, "before\n");
      Await.until("first snapshot", WAIT, () -> stored.snapshots(room.slug()).size() == 1);
      var failures = app.metric("codeshare_snapshot_failures_total", "kind=\"write\"");
      servers.stopS3();
      try {
        for (int i = 0; i < 3; i++) {
          Typing.append(ann, "during " + i + "\n");
        }
        Await.until(
            "a failed snapshot write counted",
            WAIT,
            () -> app.metric("codeshare_snapshot_failures_total", "kind=\"write\"") > failures);
        assertThat(stored.snapshots(room.slug()))
            .extracting(StoredRooms.SnapshotRow::version)
            .containsExactly(1L);
        var save = rooms.asOwner(room, "POST", "snapshots", "{}");
        assertThat(save.status()).isEqualTo(503);
        assertThat(save.header("Retry-After")).isPresent();
      } finally {
        servers.startS3();
      }
      Typing.append(ann, "after\n");
      var latest =
          Await.value(
              "a snapshot of version 5 once S3 is back",
              WAIT,
              () -> stored.snapshots(room.slug()).stream().filter(s -> s.version() == 5).findAny());
      assertThat(new String(stored.object(latest.orElseThrow().key()), StandardCharsets.UTF_8))
          .isEqualTo(ann.doc);
    }
  }

  private static JsonObject entry(jakarta.json.JsonArray history, long version) {
    return history.getValuesAs(JsonObject.class).stream()
        .filter(item -> item.getJsonNumber("version").longValue() == version)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no snapshot " + version + " in " + history));
  }
}
