package org.codeshare.collab.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.control.CollabSettings;
import org.codeshare.collab.control.RoomSequencer;
import org.codeshare.presence.control.Presence;

/**
 * The editor sockets open on this node, by WebSocket session id; closes the ones that sent nothing
 * (not even {@code ping}) for {@code codeshare.collab.socket-idle-timeout}, checked by one sweep.
 */
@ApplicationScoped
public class EditorSessions {

  private static final Logger LOG = Logger.getLogger(EditorSessions.class.getName());

  @Inject CollabSettings settings;
  @Inject RoomSequencer rooms;
  @Inject Presence presence;
  @Resource ManagedThreadFactory threads;

  private final ConcurrentHashMap<String, EditorConnection> open = new ConcurrentHashMap<>();
  private ScheduledExecutorService sweeper;

  @PostConstruct
  void start() {
    long every = Math.max(1000, settings.socketIdleTimeout().toMillis() / 4);
    sweeper = Executors.newSingleThreadScheduledExecutor(threads);
    sweeper.scheduleWithFixedDelay(this::closeSilent, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    sweeper.shutdownNow();
  }

  private void closeSilent() {
    long cutoff = System.nanoTime() - settings.socketIdleTimeout().toNanos();
    open.values().forEach(connection -> connection.closeIfSilentSince(cutoff));
  }

  void add(String sessionId, EditorConnection connection) {
    open.put(sessionId, connection);
  }

  Optional<EditorConnection> get(String sessionId) {
    return Optional.ofNullable(open.get(sessionId));
  }

  Optional<EditorConnection> remove(String sessionId) {
    return Optional.ofNullable(open.remove(sessionId));
  }

  public int count() {
    return open.size();
  }

  /**
   * Sends every editor elsewhere: each connection first leaves its room, which releases its client
   * IDs on every node; when the rooms have taken that (at most {@code timeout}) the node takes
   * itself off the live nodes ({@link Presence#retire}), and only then are the sockets closed with
   * {@code code}. An editor that reconnects to another node at once can then push under its client
   * ID instead of being told {@code client-id-taken}. Returns how many sockets there were.
   */
  public int leaveAndCloseAll(int code, String reason, Duration timeout) {
    var all = new ArrayList<EditorConnection>();
    for (var id : List.copyOf(open.keySet())) {
      remove(id).ifPresent(all::add);
    }
    all.forEach(connection -> rooms.leave(connection.roomId(), connection.participant().id()));
    try {
      rooms.settled().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.log(Level.WARNING, "rooms did not take the leaves within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    presence.retire();
    all.forEach(connection -> connection.close(code, reason));
    return all.size();
  }

  /** Rooms with at least one open socket on this node. */
  public long rooms() {
    return open.values().stream().map(EditorConnection::roomId).distinct().count();
  }
}
