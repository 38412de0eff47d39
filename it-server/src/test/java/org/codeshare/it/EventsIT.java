package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
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
 * Events on the EAR against PostgreSQL and Kafka: every change lands in the outbox with it and
 * reaches {@code codeshare.events} in the room's order, also when Kafka was down meanwhile.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class EventsIT {

  static final Duration WAIT = Duration.ofSeconds(60);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

  @Test
  void aRoomsEventsArriveInOrderWithTheDocumentedEnvelope(RealServers servers) {
    var room = rooms.create();
    var roomId = new StoredRooms(servers).roomId(room.slug()).toString();
    try (var client = rooms.owner(room, "Ann")) {
      var ann = new CollabEditor(client, "ann");
      for (var line : List.of("a\n", "b\n", "c\n")) {
        Typing.append(ann, line);
      }
      rooms.patch(room, "{\"title\":\"Renamed\"}");
      client.send(EditorClient.message("chat").add("text", "hi all").build());
      client.next("chat");
    }
    var deleted =
        app.send(
            java.net.http.HttpRequest.newBuilder(app.base().resolve("api/rooms/" + room.slug()))
                .header("X-Manage-Token", room.manageToken())
                .DELETE());
    assertThat(deleted.status()).isEqualTo(204);

    try (var log = new EventLog(servers)) {
      var events =
          log.until(
              roomId,
              WAIT,
              mine -> !mine.isEmpty() && mine.get(mine.size() - 1).type().equals("room.deleted"));
      var types = events.stream().map(EventLog.Record::type).toList();
      assertThat(types.get(0)).isEqualTo("room.created");
      assertThat(types)
          .containsSubsequence(
              "room.created",
              "document.updated",
              "document.updated",
              "document.updated",
              "room.updated",
              "chat.posted",
              "room.deleted");
      long expectedFrom = 0;
      var ids = new HashSet<String>();
      for (var record : events) {
        var event = record.event();
        assertThat(ids.add(event.getString("id"))).as("unique id").isTrue();
        UUID.fromString(event.getString("id"));
        Instant.parse(event.getString("time"));
        assertThat(event.getString("room")).isEqualTo(roomId);
        assertThat(event.containsKey("actor")).isTrue();
        var data = event.getJsonObject("data");
        switch (record.type()) {
          case "document.updated" -> {
            assertThat(data.getJsonNumber("fromVersion").longValue()).isEqualTo(expectedFrom);
            expectedFrom = data.getJsonNumber("toVersion").longValue();
            assertThat(data.getInt("updates")).isPositive();
          }
          case "room.updated" -> {
            assertThat(data.getString("title")).isEqualTo("Renamed");
            assertThat(data.getString("slug")).isEqualTo(room.slug());
          }
          case "chat.posted" -> assertThat(data.getString("text")).isEqualTo("hi all");
          case "room.created" -> assertThat(data.getString("language")).isEqualTo("java");
          case "room.deleted" -> assertThat(data.getString("slug")).isEqualTo(room.slug());
          case "snapshot.written" -> assertThat(data.getString("sha256")).hasSize(64);
          default -> throw new AssertionError("unexpected event " + event);
        }
      }
      assertThat(expectedFrom).isEqualTo(3);
    }
  }

  @Test
  void eventsWrittenWhileKafkaIsDownArriveAfterItReturns(RealServers servers) {
    var room = rooms.create();
    var roomId = new StoredRooms(servers).roomId(room.slug()).toString();
    try (var client = rooms.owner(room, "Ann")) {
      var ann = new CollabEditor(client, "ann");
      Typing.append(ann, "up\n");
      servers.stopKafka();
      try {
        for (int i = 0; i < 5; i++) {
          Typing.append(ann, "down " + i + "\n");
        }
        Await.until(
            "the outbox holds the events", WAIT, () -> app.metric("codeshare_outbox_backlog") > 0);
        var ready = app.get("health/ready");
        assertThat(ready.status()).isEqualTo(503);
        assertThat(kafka(ready.json()).getString("status")).isEqualTo("DOWN");
      } finally {
        servers.startKafka();
      }
      Typing.append(ann, "back\n");
    }
    try (var log = new EventLog(servers)) {
      var events =
          log.until(
              roomId,
              WAIT,
              mine ->
                  mine.stream()
                      .anyMatch(
                          r ->
                              r.type().equals("document.updated")
                                  && r.event().getJsonObject("data").getInt("toVersion") == 7));
      long covered = 0;
      for (var record : events) {
        if (record.type().equals("document.updated")) {
          var data = record.event().getJsonObject("data");
          // At least once: a repeat may come, but never a gap and never out of order.
          assertThat(data.getJsonNumber("fromVersion").longValue()).isLessThanOrEqualTo(covered);
          covered = Math.max(covered, data.getJsonNumber("toVersion").longValue());
        }
      }
      assertThat(covered).isEqualTo(7);
    }
    Await.until("the backlog drains", WAIT, () -> app.metric("codeshare_outbox_backlog") == 0);
  }

  private static JsonObject kafka(JsonObject health) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals("kafka"))
        .findFirst()
        .orElseThrow();
  }
}
