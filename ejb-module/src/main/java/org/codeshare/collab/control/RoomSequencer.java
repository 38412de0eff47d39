package org.codeshare.collab.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.codeshare.chat.control.ChatLog;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.presence.control.Presence;
import org.codeshare.rooms.control.RoomRights;

/**
 * The rooms loaded on this node, each an actor: its tasks run one at a time, in order, on a shared
 * pool, so pushes to a room are serialised without blocking other rooms. Rooms load on first join
 * and unload after {@code codeshare.collab.idle-unload} without connections.
 */
@ApplicationScoped
public class RoomSequencer {

  @Inject UpdateLog log;
  @Inject UpdateWriter writer;
  @Inject ColdLoad coldLoad;
  @Inject ChatLog chatLog;
  @Inject CollabSettings settings;
  @Inject Fanout fanout;
  @Inject EditMetrics metrics;
  @Inject Presence presence;
  @Inject RoomRights rights;

  @Resource ManagedThreadFactory threads;

  private final ConcurrentHashMap<UUID, LiveRoom> rooms = new ConcurrentHashMap<>();
  private ExecutorService pool;
  private ScheduledExecutorService timer;

  @PostConstruct
  void start() {
    pool = Executors.newFixedThreadPool(settings.threads(), threads);
    timer = Executors.newSingleThreadScheduledExecutor(threads);
    long sweep = Math.max(1000, settings.idleUnload().toMillis() / 2);
    timer.scheduleWithFixedDelay(this::unloadIdleRooms, sweep, sweep, TimeUnit.MILLISECONDS);
    timer.scheduleWithFixedDelay(writer::releaseIdleConnection, 1, 1, TimeUnit.SECONDS);
    presence.start(this::departed, this::returned);
    if (fanout.enabled()) {
      fanout.start(this::remote, this::relay, this::refresh);
      long resync = Math.max(100, settings.resyncInterval().toMillis());
      timer.scheduleWithFixedDelay(this::resync, resync, resync, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
    pool.shutdown();
  }

  /** Sends {@code hello} to the participant, then everything that happens in the room. */
  public void join(UUID roomId, Participant participant) {
    rooms
        .computeIfAbsent(roomId, id -> new LiveRoom(id, this))
        .enqueue(room -> room.join(participant), s -> s.join(roomId, participant));
  }

  public void leave(UUID roomId, String participantId) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.members().remove(participantId), s -> s.leave(roomId, participantId));
    }
  }

  public void push(UUID roomId, Participant author, ClientMessage.Push push) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.push(author, push), s -> s.push(roomId, author, push));
    }
  }

  /** A queued push whose room was unloaded before it committed: queued again on its successor. */
  void requeue(UUID roomId, Commit.Queued queued) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(
          r -> r.push(queued.author(), new ClientMessage.Push(queued.version(), queued.updates())),
          s -> {});
    }
  }

  public void pull(UUID roomId, Participant participant, long version) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(
          r -> r.roomHistory().pull(participant, version),
          s -> s.pull(roomId, participant, version));
    }
  }

  public void cursor(UUID roomId, Participant participant, ClientMessage.Cursor cursor) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.occupants().cursor(participant, cursor), s -> {});
    }
  }

  public void chat(UUID roomId, Participant author, String text) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.occupants().chat(author, text), s -> s.chat(roomId, author, text));
    }
  }

  /**
   * A message for everyone in the room, on every node: through the room's actor when it is loaded
   * here (so it is ordered with the room's other messages), else straight to the other nodes.
   */
  public void announce(UUID roomId, String message) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.members().announce(message), s -> s.announce(roomId, message));
    } else {
      fanout.publishRelay(roomId, message);
    }
  }

  /** Updates another node accepted: applied here in order, a gap filled from the database. */
  void remote(Fanout.Updates remote) {
    var room = rooms.get(remote.roomId());
    if (room != null) {
      room.enqueue(r -> r.remote(remote.from(), remote.updates()), s -> {});
    }
  }

  /** A chat, cursor or presence message from another node, for the sockets here. */
  void relay(Fanout.Relay relay) {
    var room = rooms.get(relay.roomId());
    if (room != null) {
      room.enqueue(r -> r.members().broadcast(relay.message()), s -> {});
    }
  }

  /** The room's access changed (here or on another node): its connections get their new rights. */
  public void refresh(UUID roomId) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.occupants().refreshRights(), s -> s.refresh(roomId));
    }
  }

  /** This node removed a dead node's connection from the roster: everyone hears it left. */
  void departed(Presence.Departed departure) {
    var room = rooms.get(departure.roomId());
    if (room != null) {
      room.enqueue(r -> r.members().departed(departure.peer()), s -> s.departed(departure));
    } else {
      fanout.publishRelay(departure.roomId(), ServerMessages.left(departure.peer()));
    }
  }

  void returned(Presence.Returned back) {
    var room = rooms.get(back.roomId());
    if (room != null) {
      room.enqueue(r -> r.members().returned(back.peerId()), s -> {});
    }
  }

  /** Fan-out is at most once: every room checks the database for updates it missed. */
  private void resync() {
    rooms.values().forEach(room -> room.enqueue(LiveRoom::resync, s -> {}));
  }

  /**
   * Completes once every loaded room has run the tasks queued before this call (the pushes taken in
   * so far are committed or refused); used while the node drains.
   */
  public CompletableFuture<Void> settled() {
    var marks =
        rooms.values().stream()
            .map(
                room -> {
                  var done = new CompletableFuture<Void>();
                  room.enqueue(
                      r -> r.commits().whenSettled(() -> done.complete(null)),
                      s -> done.complete(null));
                  return done;
                })
            .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(marks);
  }

  /** Rooms loaded on this node. */
  public int loadedRooms() {
    return rooms.size();
  }

  private void unloadIdleRooms() {
    var now = Instant.now();
    rooms.forEach(
        (id, room) ->
            room.enqueue(
                r -> {
                  if (r.unloadIfIdle(now, settings.idleUnload())) {
                    forget(id, r);
                  }
                },
                s -> {}));
  }

  /** The room if it is loaded here, else null. */
  LiveRoom loaded(UUID roomId) {
    return rooms.get(roomId);
  }

  /** The room, loaded here if it is not yet. */
  LiveRoom load(UUID roomId) {
    return rooms.computeIfAbsent(roomId, id -> new LiveRoom(id, this));
  }

  void forget(UUID roomId, LiveRoom room) {
    rooms.remove(roomId, room);
  }

  void later(Duration delay, Runnable task) {
    timer.schedule(task, Math.max(1, delay.toNanos()), TimeUnit.NANOSECONDS);
  }

  ExecutorService pool() {
    return pool;
  }

  UpdateLog log() {
    return log;
  }

  UpdateWriter writer() {
    return writer;
  }

  ColdLoad coldLoad() {
    return coldLoad;
  }

  ChatLog chatLog() {
    return chatLog;
  }

  CollabSettings settings() {
    return settings;
  }

  Fanout fanout() {
    return fanout;
  }

  EditMetrics metrics() {
    return metrics;
  }

  Presence presence() {
    return presence;
  }

  RoomRights rights() {
    return rights;
  }
}
