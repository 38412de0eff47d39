package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;
import org.codeshare.collab.entity.Update;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.Changes;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The editor socket's protocol, message by message, against the EAR and PostgreSQL. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class EditorProtocolIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

  static JsonObjectBuilder message(String type) {
    return Json.createObjectBuilder().add("v", 1).add("type", type);
  }

  @Test
  void helloHasTheDocumentVersionLanguageAndWhoIsHere() {
    var room = rooms.create();
    try (var ann = rooms.owner(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      var annHello = ann.next("hello");
      assertThat(annHello.getInt("v")).isEqualTo(1);
      assertThat(annHello.getString("doc")).isEmpty();
      assertThat(annHello.getInt("version")).isZero();
      assertThat(annHello.getString("language")).isEqualTo("java");
      var you = annHello.getJsonObject("you");
      assertThat(you.getString("name")).isEqualTo("Ann");
      assertThat(you.getString("role")).isEqualTo("OWNER");
      assertThat(you.getBoolean("canEdit")).isTrue();
      assertThat(you.getString("color")).startsWith("#");
      assertThat(annHello.getJsonArray("peers")).isEmpty();

      var bobHello = bob.next("hello");
      assertThat(bobHello.getJsonObject("you").getString("role")).isEqualTo("EDITOR");
      assertThat(bobHello.getJsonArray("peers").getValuesAs(JsonObject.class))
          .extracting(peer -> peer.getString("name"))
          .containsExactly("Ann");
      var joined = ann.next("presence").getJsonObject("joined");
      assertThat(joined.getString("name")).isEqualTo("Bob");
      assertThat(joined.getString("id")).isEqualTo(bobHello.getJsonObject("you").getString("id"));
      assertThat(joined.getString("color")).isNotBlank();
    }
  }

  @Test
  void everyoneGetsAPushTheAuthorToo() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      var a = new CollabEditor(ann, "ann");
      var b = new CollabEditor(bob, "bob");
      a.edit(Changes.replace(0, 0, 0, "hello\nworld"));
      a.push();

      for (var editor : List.of(a, b)) {
        var updates = editor.client.next("updates");
        assertThat(updates.getInt("from")).isZero();
        assertThat(updates.getJsonArray("updates").getJsonObject(0).getString("clientID"))
            .isEqualTo("ann");
        assertThat(updates.getJsonArray("updates").getJsonObject(0).getJsonArray("changes"))
            .hasToString("[[0,\"hello\",\"world\"]]");
      }
    }
  }

  @Test
  void aStalePushIsRebasedOverWhatItMissedNotRejected() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      var a = new CollabEditor(ann, "ann");
      var b = new CollabEditor(bob, "bob");
      a.edit(Changes.replace(0, 0, 0, "hello"));
      a.push();
      ann.next("updates");
      // Bob has not seen Ann's update: his push is based on version 0.
      b.edit(Changes.replace(0, 0, 0, "world"));
      b.push();

      var bobsOwn =
          bob.next(
              m -> "updates".equals(m.getString("type")) && m.getInt("from") == 1,
              "Bob's rebased update");
      var update = bobsOwn.getJsonArray("updates").getJsonObject(0);
      assertThat(update.getString("clientID")).isEqualTo("bob");
      assertThat(update.getJsonArray("changes")).hasToString("[5,[0,\"world\"]]");

      var fresh = new CollabEditor(rooms.guest(room, "Cy"), "cy");
      assertThat(fresh.version).isEqualTo(2);
      assertThat(fresh.doc).isEqualTo("helloworld");
      fresh.client.close();
    }
  }

  @Test
  void aViewersPushIsRefusedAndChangesNothing() {
    var room = rooms.create();
    rooms.patch(room, "{\"linkAccess\":\"VIEW\"}");
    try (var viewer = rooms.guest(room, "Vic")) {
      var v = new CollabEditor(viewer, "vic");
      assertThat(v.hello.getJsonObject("you").getString("role")).isEqualTo("VIEWER");
      assertThat(v.hello.getJsonObject("you").getBoolean("canEdit")).isFalse();
      v.edit(Changes.replace(0, 0, 0, "sneaky"));
      v.push();
      var error = viewer.next("error");
      assertThat(error.getString("code")).isEqualTo("forbidden");
    }
    try (var owner = rooms.owner(room, "Olga")) {
      var hello = owner.next("hello");
      assertThat(hello.getInt("version")).isZero();
      assertThat(hello.getString("doc")).isEmpty();
    }
  }

  @Test
  void aLockedRoomRefusesEditorsButNotItsOwner() {
    var room = rooms.create();
    try (var editor = rooms.guest(room, "Ed");
        var owner = rooms.owner(room, "Olga")) {
      var e = new CollabEditor(editor, "ed");
      var o = new CollabEditor(owner, "olga");
      rooms.patch(room, "{\"locked\":true}");

      e.edit(Changes.replace(0, 0, 0, "edit"));
      e.push();
      assertThat(editor.next("error").getString("code")).isEqualTo("locked");

      o.edit(Changes.replace(0, 0, 0, "owner"));
      o.push();
      var confirmed = owner.next("updates");
      assertThat(confirmed.getInt("from")).isZero();
      assertThat(CollabEditor.updates(confirmed.getJsonArray("updates")))
          .extracting(Update::clientId)
          .containsExactly("olga");
    }
  }

  @Test
  void aReconnectingClientPullsExactlyTheUpdatesItMissed() {
    var room = rooms.create();
    try (var bob = rooms.guest(room, "Bob")) {
      var b = new CollabEditor(bob, "bob");
      long seen;
      try (var ann = rooms.guest(room, "Ann")) {
        var a = new CollabEditor(ann, "ann");
        b.edit(Changes.replace(0, 0, 0, "one "));
        b.push();
        while (a.version < 1) {
          a.process(EditorClient.WAIT);
        }
        seen = a.version;
      }
      for (var word : new String[] {"two ", "three ", "four "}) {
        b.edit(Changes.replace(b.doc.length(), b.doc.length(), 0, word));
        b.push();
        while (!b.unconfirmed.isEmpty()) {
          b.process(EditorClient.WAIT);
        }
      }
      try (var ann = rooms.guest(room, "Ann")) {
        ann.next("hello");
        ann.send(message("pull").add("version", seen).build());
        var updates = new java.util.ArrayList<Update>();
        for (long from = seen; from < seen + 3; from++) {
          var missed = ann.next("updates");
          assertThat(missed.getInt("from")).isEqualTo(from);
          updates.addAll(CollabEditor.updates(missed.getJsonArray("updates")));
        }
        assertThat(updates).extracting(Update::clientId).containsExactly("bob", "bob", "bob");
        var doc = "one ";
        for (var update : updates) {
          doc = update.changes().apply(doc);
        }
        assertThat(doc).isEqualTo("one two three four ").isEqualTo(b.doc);
      }
    }
  }

  @Test
  void aPullFromAnUnknownVersionGetsTheWholeDocumentAgain() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann")) {
      ann.next("hello");
      ann.send(message("pull").add("version", 42).build());
      var again = ann.next("hello");
      assertThat(again.getInt("version")).isZero();
    }
  }

  @Test
  void chatIsStoredSentToEveryoneAndReplayedOnJoin() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      ann.next("hello");
      bob.next("hello");
      ann.send(message("chat").add("text", "shall we start?").build());
      for (var client : List.of(ann, bob)) {
        var chat = client.next("chat");
        assertThat(chat.getString("text")).isEqualTo("shall we start?");
        assertThat(chat.getString("name")).isEqualTo("Ann");
        assertThat(chat.getString("color")).startsWith("#");
      }
    }
    try (var cy = rooms.guest(room, "Cy")) {
      var history = cy.next("hello").getJsonArray("chat").getValuesAs(JsonObject.class);
      assertThat(history)
          .extracting(line -> line.getString("name") + ": " + line.getString("text"))
          .containsExactly("Ann: shall we start?");
    }
  }

  @Test
  void presenceAnnouncesWhoJoinsAndWhoLeaves() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann")) {
      ann.next("hello");
      String bobId;
      try (var bob = rooms.guest(room, "Bob")) {
        bobId = bob.next("hello").getJsonObject("you").getString("id");
        assertThat(ann.next("presence").getJsonObject("joined").getString("id")).isEqualTo(bobId);
      }
      var left = ann.next("presence").getJsonObject("left");
      assertThat(left.getString("id")).isEqualTo(bobId);
      assertThat(left.getString("name")).isEqualTo("Bob");
    }
  }

  @Test
  void cursorsGoToTheOthersOnlyAndPingsArePonged() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      var annId = ann.next("hello").getJsonObject("you").getString("id");
      bob.next("hello");
      var ranges =
          Json.createArrayBuilder().add(Json.createObjectBuilder().add("anchor", 0).add("head", 0));
      ann.send(message("cursor").add("version", 0).add("ranges", ranges).build());
      var cursor = bob.next("cursor");
      assertThat(cursor.getString("peer")).isEqualTo(annId);
      assertThat(cursor.getJsonArray("ranges")).hasSize(1);
      assertThat(cursor.getJsonNumber("version").longValue()).isZero();

      ann.send(message("ping").build());
      var next = ann.next(m -> !"presence".equals(m.getString("type")), "pong");
      assertThat(next.getString("type")).isEqualTo("pong");
    }
  }

  @Test
  void handshakesNeedAnAllowedOriginAndATicketOrSession() {
    var room = rooms.create();
    var uri = rooms.editorUri(room, rooms.ticket(room, "Eve"));
    assertThat(EditorClient.refusal(uri, Map.of("Origin", "https://evil.example"))).isEqualTo(403);
    assertThat(EditorClient.refusal(rooms.editorUri(room, null), Map.of())).isEqualTo(401);

    var sameOrigin = "http://" + app.base().getHost() + ":" + app.base().getPort();
    try (var ok = EditorClient.open(uri, Map.of("Origin", sameOrigin))) {
      assertThat(ok.next("hello").getJsonObject("you").getString("name")).isEqualTo("Eve");
    }
    try (var reused = EditorClient.open(uri)) {
      assertThat(reused.awaitClose()).isEqualTo(4401);
    }
  }

  @Test
  void aSignedInCallerConnectsWithTheSessionCookie() {
    var room = rooms.create();
    var account = Accounts.register(app, "Sam");
    var uri = rooms.editorUri(room, null);
    try (var sam =
        EditorClient.open(uri, Map.of("Cookie", "codeshare_session=" + account.token()))) {
      var you = sam.next("hello").getJsonObject("you");
      assertThat(you.getString("name")).isEqualTo("Sam");
      assertThat(you.getString("role")).isEqualTo("EDITOR");
    }
  }

  @Test
  void gaugesCountOpenSocketsAndActiveRoomsExactly() {
    var room = rooms.create();
    var sockets = app.metric("codeshare_websocket_connections_active");
    var active = app.metric("codeshare_rooms_active");
    try (var ann = rooms.guest(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      ann.next("hello");
      bob.next("hello");
      assertThat(app.metric("codeshare_websocket_connections_active")).isEqualTo(sockets + 2);
      assertThat(app.metric("codeshare_rooms_active")).isEqualTo(active + 1);
    }
    Await.until(
        "sockets closed",
        EditorClient.WAIT,
        () -> app.metric("codeshare_websocket_connections_active") == sockets);
    assertThat(app.metric("codeshare_rooms_active")).isEqualTo(active);
  }
}
