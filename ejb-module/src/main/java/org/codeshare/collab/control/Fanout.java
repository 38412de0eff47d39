package org.codeshare.collab.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.JsonText;
import org.codeshare.collab.entity.Update;
import org.codeshare.redis.control.RedisConnection;
import redis.clients.jedis.JedisPubSub;

/**
 * Carries what happens in a room to the other nodes over Redis pub/sub, one channel per room
 * ({@code codeshare:room:<id>}): accepted updates, ready-made messages for the sockets, and news
 * that the room's access changed; without {@code REDIS_URL} there is one node and nothing to do.
 * Delivery is at most once: a node that misses accepted updates notices the gap by version and
 * reads them from {@code room_updates}.
 */
@ApplicationScoped
public class Fanout {

  private static final Logger LOG = Logger.getLogger(Fanout.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();
  static final String PREFIX = "codeshare:room:";

  @Inject RedisConnection redis;
  @Resource ManagedThreadFactory threads;

  private final String node = UUID.randomUUID().toString();
  private volatile boolean stopped;
  private Thread subscriber;
  private JedisPubSub subscription;

  /** Accepted updates from another node. */
  public record Updates(UUID roomId, long from, List<Update> updates) {}

  /** A message for every socket in a room (chat, cursor, presence), from another node. */
  public record Relay(UUID roomId, String message) {}

  public boolean enabled() {
    return redis != null && redis.configured();
  }

  synchronized void start(
      Consumer<Updates> updates, Consumer<Relay> relays, Consumer<UUID> accessChanges) {
    if (!enabled() || subscriber != null) {
      return;
    }
    subscription =
        new JedisPubSub() {
          @Override
          public void onPMessage(String pattern, String channel, String message) {
            receive(channel, message, updates, relays, accessChanges);
          }
        };
    subscriber = threads.newThread(this::listen);
    subscriber.setName("codeshare-fanout");
    subscriber.setDaemon(true);
    subscriber.start();
  }

  private void listen() {
    while (!stopped) {
      try {
        redis.client().orElseThrow().psubscribe(subscription, PREFIX + "*");
      } catch (RuntimeException e) {
        if (!stopped) {
          LOG.log(Level.WARNING, "Redis subscription lost; resubscribing", e);
          pause();
        }
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void publishUpdates(UUID roomId, long from, List<Update> updates) {
    if (!enabled()) {
      return;
    }
    var array = JSON.createArrayBuilder();
    updates.forEach(
        u ->
            array.add(
                JSON.createObjectBuilder()
                    .add("clientID", u.clientId())
                    .add("changes", u.changes().toJson())));
    publish(roomId, JSON.createObjectBuilder().add("from", from).add("updates", array).build());
  }

  void publishRelay(UUID roomId, String message) {
    if (enabled()) {
      publish(roomId, JSON.createObjectBuilder().add("relay", message).build());
    }
  }

  /** Tells the other nodes that the room's access changed: they refresh their connections. */
  void publishAccessChange(UUID roomId) {
    if (enabled()) {
      publish(roomId, JSON.createObjectBuilder().add("access", true).build());
    }
  }

  private void publish(UUID roomId, JsonObject body) {
    var envelope = JSON.createObjectBuilder(body).add("node", node).build();
    try {
      redis
          .client()
          .orElseThrow()
          .publish(PREFIX + roomId, JsonText.wellFormed(envelope.toString()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Redis publish failed; other nodes will catch up by version", e);
    }
  }

  private void receive(
      String channel,
      String text,
      Consumer<Updates> updates,
      Consumer<Relay> relays,
      Consumer<UUID> accessChanges) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      var message = reader.readObject();
      if (node.equals(message.getString("node", null))) {
        return;
      }
      var roomId = UUID.fromString(channel.substring(PREFIX.length()));
      if (message.containsKey("relay")) {
        relays.accept(new Relay(roomId, message.getString("relay")));
        return;
      }
      if (message.containsKey("access")) {
        accessChanges.accept(roomId);
        return;
      }
      var list = new ArrayList<Update>();
      for (var update : message.getJsonArray("updates").getValuesAs(JsonObject.class)) {
        list.add(
            new Update(
                update.getString("clientID"), ChangeSet.fromJson(update.getJsonArray("changes"))));
      }
      updates.accept(new Updates(roomId, message.getJsonNumber("from").longValue(), list));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ignoring a malformed fan-out message on " + channel, e);
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (subscription != null && subscription.isSubscribed()) {
      subscription.punsubscribe();
    }
    if (subscriber != null) {
      subscriber.interrupt();
    }
  }
}
