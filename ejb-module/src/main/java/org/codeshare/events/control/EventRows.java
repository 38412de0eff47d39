package org.codeshare.events.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.codeshare.events.entity.EventData;
import org.codeshare.events.entity.EventEnvelope;
import org.codeshare.events.entity.OutboxEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Builds outbox rows (the event envelope as JSON, for the configured topic, keyed by room) for
 * writers that insert them themselves, in their own transaction: {@link Outbox} through JPA, the
 * editing path's group commit through JDBC.
 */
@ApplicationScoped
public class EventRows {

  private static final JsonProvider JSON_P = JsonProvider.provider();
  private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig().withNullValues(true));

  @Inject
  @ConfigProperty(name = "codeshare.events.topic", defaultValue = "codeshare.events")
  String topic;

  @Inject Event<Outbox.OutboxWritten> written;

  /** One event, not yet stored. */
  public OutboxEvent of(String type, UUID roomId, UUID actor, Object data, Instant now) {
    var envelope = new EventEnvelope(UUID.randomUUID(), type, now, roomId, actor, data);
    return new OutboxEvent(topic, roomId.toString(), JSON.toJson(envelope), now);
  }

  /** Versions {@code from + 1} to {@code to} of the room were committed. */
  public OutboxEvent documentUpdated(UUID roomId, UUID actor, long from, long to, Instant now) {
    // The same JSON as of(...) gives, without JSON-B's reflection: one of these per commit.
    var data =
        JSON_P
            .createObjectBuilder()
            .add("fromVersion", from)
            .add("toVersion", to)
            .add("updates", (int) (to - from));
    var envelope =
        JSON_P
            .createObjectBuilder()
            .add("actor", actor == null ? JsonValue.NULL : JSON_P.createValue(actor.toString()))
            .add("data", data)
            .add("id", UUID.randomUUID().toString())
            .add("room", roomId.toString())
            .add("time", DateTimeFormatter.ISO_INSTANT.format(now))
            .add("type", EventData.DOCUMENT_UPDATED)
            .build();
    return new OutboxEvent(topic, roomId.toString(), envelope.toString(), now);
  }

  /**
   * Tells the relay there is something to publish: after the commit when called inside a
   * transaction, at once otherwise.
   */
  public void written() {
    written.fire(new Outbox.OutboxWritten());
  }
}
