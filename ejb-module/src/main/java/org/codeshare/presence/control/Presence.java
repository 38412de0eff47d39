package org.codeshare.presence.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.presence.entity.Peer;
import org.codeshare.redis.control.RedisConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is in which room, on every node. Each node keeps its own connections here and, with {@code
 * REDIS_URL}, writes them to Redis and heartbeats them every {@code
 * codeshare.presence.heartbeat-interval}; the entries of a node that stops heartbeating for {@code
 * codeshare.presence.ttl} are removed by the first live node that notices, which reports them as
 * {@link Departed}. Without Redis there is one node and its connections are the whole roster.
 *
 * <p>Client IDs are claimed here too: a client ID belongs to the first connection that pushes with
 * it, in the whole cluster, until that connection leaves or its node is declared dead. A Redis
 * failure never blocks editing: the node then decides on what it knows itself, and the next
 * heartbeat writes its state back.
 */
@ApplicationScoped
public class Presence {

  private static final Logger LOG = Logger.getLogger(Presence.class.getName());
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  @Inject RedisConnection redis;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "codeshare.presence.heartbeat-interval", defaultValue = "PT5S")
  Duration heartbeatInterval;

  @Inject
  @ConfigProperty(name = "codeshare.presence.ttl", defaultValue = "PT15S")
  Duration ttl;

  private final String node = UUID.randomUUID().toString();
  private final ConcurrentHashMap<UUID, RoomPresence> rooms = new ConcurrentHashMap<>();
  private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());
  private volatile RedisPresence shared;
  private volatile Consumer<Departed> departed = gone -> {};
  private volatile Consumer<Returned> returned = back -> {};
  private ScheduledExecutorService timer;

  /** A connection of a dead node, removed from the roster by this node: announce it has left. */
  public record Departed(UUID roomId, Peer peer) {}

  /**
   * A connection of this node whose entry had been removed (this node was taken for dead, or Redis
   * lost its data) and is back: announce it again.
   */
  public record Returned(UUID roomId, String peerId) {}

  /** True with {@code REDIS_URL}: the roster spans every node. */
  public boolean shared() {
    return redis != null && redis.configured();
  }

  /** Registers this node and starts heartbeating; the consumers hear of departures and returns. */
  public synchronized void start(Consumer<Departed> departures, Consumer<Returned> returns) {
    this.departed = departures;
    this.returned = returns;
    if (!shared() || timer != null) {
      return;
    }
    long interval = Math.max(50, heartbeatInterval.toMillis());
    if (ttl.toMillis() < 2 * interval) {
      LOG.warning(
          () ->
              "codeshare.presence.ttl "
                  + ttl
                  + " is shorter than two heartbeats: a node that misses one beat is taken for"
                  + " dead");
    }
    var presence = new RedisPresence(redis.client().orElseThrow(), node, ttl.toMillis());
    // Known as alive before any entry is written, so no other node takes them for a dead node's.
    tryRedis(() -> presence.beat());
    shared = presence;
    timer = Executors.newSingleThreadScheduledExecutor(threads);
    timer.scheduleWithFixedDelay(this::heartbeat, interval, interval, TimeUnit.MILLISECONDS);
  }

  /**
   * The node is draining and its connections have left their rooms: it stops heartbeating and takes
   * itself off the live nodes at once, so that whatever a leave could not remove from Redis (an
   * entry, a client ID claim) counts as a dead node's on every other node now rather than when the
   * node's last heartbeat expires. An editor reconnecting elsewhere is then not told {@code
   * client-id-taken} over its own previous connection.
   */
  public synchronized void retire() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
    var presence = shared;
    shared = null;
    if (presence != null) {
      tryRedis(presence::retire);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** A connection entered a room on this node. */
  public void enter(UUID roomId, Peer peer, String subject) {
    withRoom(
        roomId,
        room -> {
          room.entries.put(peer.id(), new RoomPresence.Entry(peer, subject));
          var presence = shared;
          if (presence != null) {
            tryRedis(() -> presence.enter(roomId, peer));
          }
        });
  }

  /** A connection's role changed. */
  public void update(UUID roomId, Peer peer) {
    withRoom(
        roomId,
        room -> {
          var entry = room.entries.get(peer.id());
          if (entry == null) {
            return;
          }
          room.entries.put(peer.id(), new RoomPresence.Entry(peer, entry.subject()));
          var presence = shared;
          if (presence != null) {
            tryRedis(() -> presence.enter(roomId, peer));
          }
        });
  }

  /** A connection left: its entry goes, and so do the client IDs it claimed. */
  public void leave(UUID roomId, String peerId) {
    var room = rooms.get(roomId);
    if (room == null) {
      return;
    }
    synchronized (room) {
      var entry = room.entries.remove(peerId);
      var released = new LinkedHashMap<String, RoomPresence.Claim>();
      room.claimsOf(peerId)
          .forEach(clientId -> released.put(clientId, room.claims.remove(clientId)));
      var presence = shared;
      if (presence != null && (entry != null || !released.isEmpty())) {
        tryRedis(() -> presence.leave(roomId, peerId, released));
      }
      if (room.isEmpty()) {
        room.retired = true;
        rooms.remove(roomId, room);
      }
    }
  }

  /** The connections in the room on the other live nodes; empty without Redis or when it fails. */
  public List<Peer> elsewhere(UUID roomId) {
    var presence = shared;
    if (presence == null) {
      return List.of();
    }
    return tryRedis(() -> presence.others(roomId), List.of());
  }

  /**
   * Binds {@code clientId} to the connection {@code peerId} unless another connection of another
   * person holds it, here or on another live node; true when the connection may push with it.
   */
  public boolean claim(UUID roomId, String clientId, String peerId, String subject) {
    var granted = new boolean[1];
    withRoom(
        roomId,
        room -> {
          var current = room.claims.get(clientId);
          if (current != null && current.peerId().equals(peerId)) {
            granted[0] = true;
            return;
          }
          if (current != null && !current.subject().equals(subject)) {
            return;
          }
          var claim = new RoomPresence.Claim(peerId, subject);
          var presence = shared;
          granted[0] =
              presence == null || tryRedis(() -> presence.claim(roomId, clientId, claim), true);
          if (granted[0]) {
            room.claims.put(clientId, claim);
          }
        });
    return granted[0];
  }

  /** Writes this node's entries back, and sweeps those of dead nodes from its rooms. */
  void heartbeat() {
    var presence = shared;
    if (presence == null) {
      return;
    }
    try {
      presence.beat();
      for (var each : rooms.entrySet()) {
        var roomId = each.getKey();
        var room = each.getValue();
        RedisPresence.Beat beat;
        synchronized (room) {
          if (room.retired || room.isEmpty()) {
            continue;
          }
          beat = presence.heartbeat(roomId, room);
          beat.lost().forEach(room.claims::remove);
        }
        beat.returned().forEach(peerId -> returned.accept(new Returned(roomId, peerId)));
        beat.departed().forEach(peer -> departed.accept(new Departed(roomId, peer)));
      }
    } catch (RuntimeException e) {
      warn(e);
    }
  }

  private void withRoom(UUID roomId, Consumer<RoomPresence> action) {
    while (true) {
      var room = rooms.computeIfAbsent(roomId, id -> new RoomPresence());
      synchronized (room) {
        if (!room.retired) {
          action.accept(room);
          return;
        }
      }
    }
  }

  private void tryRedis(Runnable call) {
    tryRedis(
        () -> {
          call.run();
          return Boolean.TRUE;
        },
        Boolean.FALSE);
  }

  private <T> T tryRedis(Supplier<T> call, T fallback) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      warn(e);
      return fallback;
    }
  }

  private void warn(RuntimeException failure) {
    var now = System.nanoTime();
    var due = nextWarning.get();
    if (now - due >= 0 && nextWarning.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
      LOG.log(
          Level.WARNING,
          "Redis failed; presence is kept on this node until it answers again: {0}",
          failure.toString());
    } else {
      LOG.log(Level.FINE, "Redis failed", failure);
    }
  }
}
