package org.codeshare.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.codeshare.events.entity.EventData;
import org.junit.jupiter.api.Test;

/** The editing path's events are the same JSON as every other event's, built the general way. */
class EventRowsTest {

  private final EventRows rows = Events.rows("codeshare.events");
  private final UUID room = UUID.randomUUID();

  @Test
  void documentUpdatedIsWhatTheGeneralEnvelopeGives() {
    for (var actor : new UUID[] {UUID.randomUUID(), null}) {
      for (var now : new Instant[] {Instant.now(), Instant.parse("2026-11-26T09:00:00Z")}) {
        var fast = rows.documentUpdated(room, actor, 41, 44, now);
        var general =
            rows.of(
                EventData.DOCUMENT_UPDATED,
                room,
                actor,
                new EventData.DocumentUpdated(41, 44, 3),
                now);

        assertThat(withoutId(fast.payload())).isEqualTo(withoutId(general.payload()));
        assertThat(fast.topic()).isEqualTo(general.topic());
        assertThat(fast.eventKey()).isEqualTo(room.toString());
        assertThat(fast.createdAt()).isEqualTo(now);
      }
    }
  }

  @Test
  void everyDocumentUpdatedHasItsOwnId() {
    var now = Instant.now();
    var first = parse(rows.documentUpdated(room, null, 0, 1, now).payload());
    var second = parse(rows.documentUpdated(room, null, 0, 1, now).payload());

    assertThat(UUID.fromString(first.getString("id")))
        .isNotEqualTo(UUID.fromString(second.getString("id")));
  }

  private static JsonObject withoutId(String payload) {
    return Json.createObjectBuilder(parse(payload)).remove("id").build();
  }

  private static JsonObject parse(String payload) {
    try (var reader = Json.createReader(new StringReader(payload))) {
      return reader.readObject();
    }
  }
}
