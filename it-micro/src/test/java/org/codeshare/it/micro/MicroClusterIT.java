package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.PosingClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.Changes;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two Payara Micro nodes sharing PostgreSQL, Redis and the configured token key pair, started
 * together: one administrator, sessions valid on both, one roster for a room whatever node its
 * people are on, rights that change under open sockets on every node, client IDs that belong to one
 * connection in the whole cluster, editor connects limited per address across nodes, and exact
 * gauges per node.
 */
@ExtendWith(RealServersExtension.class)
class MicroClusterIT {

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

  private static String id(JsonObject hello) {
    return hello.getJsonObject("you").getString("id");
  }

  private static List<String> peerIds(JsonObject hello) {
    return hello.getJsonArray("peers").getValuesAs(JsonObject.class).stream()
        .map(peer -> peer.getString("id"))
        .toList();
  }

  @Test
  void helloListsThePeopleOnEveryNodeAndPresenceAndCursorsCrossNodes() {
    var room = first.create();
    try (var ann = first.guest(room, "Ann")) {
      var annId = id(ann.next("hello"));
      String bobId;
      try (var bob = second.guest(room, "Bob")) {
        var bobHello = bob.next("hello");
        bobId = id(bobHello);
        assertThat(peerIds(bobHello)).containsExactly(annId);
        assertThat(bobHello.getJsonArray("peers").getJsonObject(0).getString("name"))
            .isEqualTo("Ann");
        assertThat(ann.next("presence").getJsonObject("joined").getString("id")).isEqualTo(bobId);

        try (var cid = first.guest(room, "Cid")) {
          assertThat(peerIds(cid.next("hello"))).containsExactlyInAnyOrder(annId, bobId);
        }
        assertThat(bob.next("presence").getJsonObject("joined").getString("name")).isEqualTo("Cid");

        bob.send(
            Json.createObjectBuilder()
                .add("v", 1)
                .add("type", "cursor")
                .add(
                    "ranges",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("anchor", 0).add("head", 0)))
                .build());
        assertThat(ann.next("cursor").getString("peer")).isEqualTo(bobId);
      }
      assertThat(
              ann.next(
                      m ->
                          m.getString("type").equals("presence")
                              && m.containsKey("left")
                              && m.getJsonObject("left").getString("name").equals("Bob"),
                      "Bob left")
                  .getJsonObject("left")
                  .getString("id"))
          .isEqualTo(bobId);
    }
  }

  @Test
  void theGaugesCountTheSocketsAndRoomsOfEachNodeExactly() {
    var a = cluster.node(0).client();
    var b = cluster.node(1).client();
    awaitGauges(a, 0, 0);
    awaitGauges(b, 0, 0);
    var one = first.create();
    var two = first.create();
    try (var ann = first.guest(one, "Ann");
        var amy = first.guest(one, "Amy");
        var bob = second.guest(one, "Bob")) {
      ann.next("hello");
      amy.next("hello");
      bob.next("hello");
      try (var alf = first.guest(two, "Alf")) {
        alf.next("hello");
        awaitGauges(a, 3, 2);
        awaitGauges(b, 1, 1);
      }
      awaitGauges(a, 2, 1);
      awaitGauges(b, 1, 1);
    }
    awaitGauges(a, 0, 0);
    awaitGauges(b, 0, 0);
  }

  private static void awaitGauges(AppClient node, int connections, int rooms) {
    Await.until(
        node.base() + " has " + connections + " sockets in " + rooms + " rooms",
        Duration.ofSeconds(20),
        () ->
            node.metric("codeshare_websocket_connections_active") == connections
                && node.metric("codeshare_rooms_active") == rooms);
  }

  @Test
  void aLockStopsEditorsOnEveryNodeAtOnceAndAnUnlockLetsThemBackIn() {
    var room = first.create();
    try (var owner = first.owner(room, "Olga");
        var eve = second.guest(room, "Eve")) {
      owner.next("hello");
      var editor = new CollabEditor(eve, "eve-1");
      assertThat(editor.hello.getJsonObject("you").getBoolean("canEdit")).isTrue();

      first.patch(room, "{\"locked\":true}");

      var locked = eve.next("access");
      assertThat(locked.getString("role")).isEqualTo("EDITOR");
      assertThat(locked.getBoolean("canEdit")).isFalse();
      editor.edit(Changes.replace(0, 0, 0, "blocked"));
      editor.push();
      assertThat(eve.next("error").getString("code")).isEqualTo("locked");

      first.patch(room, "{\"locked\":false}");

      assertThat(eve.next("access").getBoolean("canEdit")).isTrue();
      editor.push();
      var confirmed = eve.next("updates");
      assertThat(confirmed.getJsonArray("updates").getJsonObject(0).getString("clientID"))
          .isEqualTo("eve-1");
    }
  }

  @Test
  void aMemberDemotedOrRemovedLosesTheirRightsOnTheNodeTheyAreOn() {
    var room = first.create();
    first.patch(room, "{\"linkAccess\":\"PRIVATE\"}");
    var vic = Accounts.register(cluster.node(0).client(), "Vic");
    first.manage(room, "POST", "members", member(vic.email(), "EDITOR"));
    var asVic = new EditorRooms(cluster.node(1).client().as(vic.token())).posing();
    try (var owner = first.owner(room, "Olga");
        var socket = asVic.guest(room, "ignored")) {
      owner.next("hello");
      var editor = new CollabEditor(socket, "vic-1");
      var vicId = id(editor.hello);
      assertThat(editor.hello.getJsonObject("you").getString("role")).isEqualTo("EDITOR");
      assertThat(owner.next("presence").getJsonObject("joined").getString("id")).isEqualTo(vicId);

      first.manage(
          room,
          "PUT",
          "members/" + vic.id(),
          Json.createObjectBuilder().add("role", "VIEWER").build().toString());

      var access = socket.next("access");
      assertThat(access.getString("role")).isEqualTo("VIEWER");
      assertThat(access.getBoolean("canEdit")).isFalse();
      var seen =
          owner.next(
              m -> m.getString("type").equals("presence") && m.containsKey("joined"), "the change");
      assertThat(seen.getJsonObject("joined").getString("id")).isEqualTo(vicId);
      assertThat(seen.getJsonObject("joined").getString("role")).isEqualTo("VIEWER");
      editor.edit(Changes.replace(0, 0, 0, "sneaky"));
      editor.push();
      assertThat(socket.next("error").getString("code")).isEqualTo("forbidden");

      first.manage(room, "DELETE", "members/" + vic.id(), null);

      assertThat(socket.awaitClose()).isEqualTo(4404);
      assertThat(owner.next("presence").getJsonObject("left").getString("id")).isEqualTo(vicId);
    }
  }

  @Test
  void guestsFollowTheLinkAccessOnEveryNodeAndLeaveWhenTheRoomTurnsPrivateOrIsDeleted() {
    var room = first.create();
    try (var gus = second.guest(room, "Gus");
        var gil = first.guest(room, "Gil")) {
      gus.next("hello");
      gil.next("hello");

      first.patch(room, "{\"linkAccess\":\"VIEW\"}");
      assertThat(gus.next("access").getString("role")).isEqualTo("VIEWER");
      assertThat(gil.next("access").getString("role")).isEqualTo("VIEWER");

      first.patch(room, "{\"linkAccess\":\"PRIVATE\"}");
      assertThat(gus.awaitClose()).isEqualTo(4404);
      assertThat(gil.awaitClose()).isEqualTo(4404);
    }
    var deleted = first.create();
    try (var gus = second.guest(deleted, "Gus")) {
      gus.next("hello");
      var reply = first.manage(deleted, "DELETE", "", null);
      assertThat(reply.status()).isEqualTo(204);
      assertThat(gus.awaitClose()).isEqualTo(4404);
    }
  }

  @Test
  void aClientIdInUseOnOneNodeIsRefusedOnTheOtherUntilItsConnectionCloses() {
    var room = first.create();
    try (var bob = second.guest(room, "Bob")) {
      var thief = new CollabEditor(bob, "shared-id");
      try (var ann = first.guest(room, "Ann")) {
        var owner = new CollabEditor(ann, "shared-id");
        owner.edit(Changes.replace(0, 0, 0, "mine"));
        owner.push();
        ann.next("updates");

        Await.until(
            "Bob has Ann's update",
            EditorClient.WAIT,
            () -> {
              thief.process(Duration.ofMillis(50));
              return thief.version == 1;
            });
        thief.edit(Changes.replace(4, 4, 0, " or not"));
        thief.push();
        assertThat(bob.next("error").getString("code")).isEqualTo("client-id-taken");
      }
      Await.until(
          "the client ID is free once Ann's connection is closed",
          EditorClient.WAIT,
          () -> {
            thief.push();
            var answer =
                bob.next(
                    m ->
                        m.getString("type").equals("updates")
                            || m.getString("type").equals("error"),
                    "an answer");
            return answer.getString("type").equals("updates");
          });
    }
  }

  @Test
  void editorConnectsAreLimitedPerAddressAcrossNodes() {
    var room = first.create();
    var address = PosingClient.freshAddress();
    var headers = Map.of("X-Forwarded-For", address);
    for (int i = 0; i < 15; i++) {
      var rooms = i % 2 == 0 ? first : second;
      assertThat(EditorClient.refusal(rooms.editorUri(room, null), headers))
          .as("attempt %d, without a ticket", i + 1)
          .isEqualTo(401);
    }

    assertThat(EditorClient.refusal(second.editorUri(room, null), headers)).isEqualTo(429);
    var plain = new PosingClient(cluster.node(0).client(), address).get("ws/editor/" + room.slug());
    assertThat(plain.status()).isEqualTo(429);
    assertThat(plain.contentType()).startsWith("application/problem+json");
    assertThat(plain.json().getString("type")).isEqualTo("urn:codeshare:problem:rate-limited");
    assertThat(plain.header("Retry-After")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
    var someoneElse = Map.of("X-Forwarded-For", PosingClient.freshAddress());
    assertThat(EditorClient.refusal(first.editorUri(room, null), someoneElse)).isEqualTo(401);
    assertThat(cluster.node(1).client().metric("codeshare_rate_limit_rejections_total"))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void aSessionSignedOnOneNodeIsAcceptedOnTheOtherByTheConfiguredKeyPair() {
    var ida = Accounts.register(cluster.node(0).client(), "Ida");

    var me = cluster.node(1).client().as(ida.token()).get("api/me");

    assertThat(me.status()).as(me.body()).isEqualTo(200);
    assertThat(me.json().getString("id")).isEqualTo(ida.id());
    var tampered = ida.token().substring(0, ida.token().length() - 4) + "AAAA";
    assertThat(cluster.node(1).client().as(tampered).get("api/me").status()).isEqualTo(401);
  }

  @Test
  void theAdministratorBothNodesWereStartedWithExistsOnceAndLogsInOnEither() {
    var credentials =
        Json.createObjectBuilder()
            .add("email", MicroCluster.ADMIN_EMAIL)
            .add("password", MicroCluster.ADMIN_PASSWORD)
            .build()
            .toString();
    var ids = new java.util.HashSet<String>();
    for (int node = 0; node < 2; node++) {
      var reply = cluster.node(node).client().postJson("api/auth/login", credentials);
      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      assertThat(reply.json().getJsonObject("user").getString("role")).isEqualTo("ADMIN");
      ids.add(reply.json().getJsonObject("user").getString("id"));
    }
    assertThat(ids).hasSize(1);
  }

  private static String member(String email, String role) {
    return Json.createObjectBuilder().add("email", email).add("role", role).build().toString();
  }
}
