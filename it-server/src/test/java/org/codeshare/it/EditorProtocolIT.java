package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.codeshare.collab.entity.Update;
import org.codeshare.testing.AppClient;
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
 * The editing protocol, message by message, against the EAR and PostgreSQL: hello, pushes and their
 * confirmation, rebase of stale pushes, viewers and locked rooms, and pull after reconnect.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class EditorProtocolIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

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
        Typing.append(b, word);
      }
      try (var ann = rooms.guest(room, "Ann")) {
        ann.next("hello");
        ann.send(EditorClient.message("pull").add("version", seen).build());
        var updates = new ArrayList<Update>();
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
      ann.send(EditorClient.message("pull").add("version", 42).build());
      var again = ann.next("hello");
      assertThat(again.getInt("version")).isZero();
    }
  }
}
