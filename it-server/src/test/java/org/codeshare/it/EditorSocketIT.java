package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The editor socket around the editing, against the EAR and PostgreSQL: chat, presence, cursors and
 * pings, the handshake's checks (origin, ticket or session) and the gauges of open sockets and
 * active rooms.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class EditorSocketIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

  @Test
  void chatIsStoredSentToEveryoneAndReplayedOnJoin() {
    var room = rooms.create();
    try (var ann = rooms.guest(room, "Ann");
        var bob = rooms.guest(room, "Bob")) {
      ann.next("hello");
      bob.next("hello");
      ann.send(EditorClient.message("chat").add("text", "shall we start?").build());
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
      ann.send(EditorClient.message("cursor").add("version", 0).add("ranges", ranges).build());
      var cursor = bob.next("cursor");
      assertThat(cursor.getString("peer")).isEqualTo(annId);
      assertThat(cursor.getJsonArray("ranges")).hasSize(1);
      assertThat(cursor.getJsonNumber("version").longValue()).isZero();

      ann.send(EditorClient.message("ping").build());
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
