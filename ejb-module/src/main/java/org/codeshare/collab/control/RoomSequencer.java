package org.codeshare.collab.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.codeshare.chat.control.ChatLog;
import org.codeshare.collab.entity.ClientMessage;

/**
 * The rooms loaded on this node, each an actor: its tasks run one at a time, in order, on a shared
 * pool, so pushes to a room are serialised without blocking other rooms. Rooms load on first join
 * and unload after {@code codeshare.collab.idle-unload} without connections.
 */
@ApplicationScoped
public class RoomSequencer {

  @Inject UpdateLog log;
  @Inject ChatLog chatLog;
  @Inject CollabSettings settings;
  @Inject Fanout fanout;

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
    if (fanout.enabled()) {
      fanout.start(this::remote, this::relay);
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
      room.enqueue(r -> r.leave(participantId), s -> s.leave(roomId, participantId));
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
      room.enqueue(r -> r.pull(participant, version), s -> s.pull(roomId, participant, version));
    }
  }

  public void cursor(UUID roomId, Participant participant, JsonArray ranges) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.cursor(participant, ranges), s -> {});
    }
  }

  public void chat(UUID roomId, Participant author, String text) {
    var room = rooms.get(roomId);
    if (room != null) {
      room.enqueue(r -> r.chat(author, text), s -> s.chat(roomId, author, text));
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
      room.enqueue(r -> r.relay(relay.message()), s -> {});
    }
  }

  /** Fan-out is at most once: every room checks the database for updates it missed. */
  private void resync() {
    rooms.values().forEach(room -> room.enqueue(LiveRoom::resync, s -> {}));
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

  void forget(UUID roomId, LiveRoom room) {
    rooms.remove(roomId, room);
  }

  void later(Duration delay, Runnable task) {
    timer.schedule(task, Math.max(1, delay.toMillis()), TimeUnit.MILLISECONDS);
  }

  ExecutorService pool() {
    return pool;
  }

  UpdateLog log() {
    return log;
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
}
