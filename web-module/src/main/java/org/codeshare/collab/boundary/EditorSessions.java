package org.codeshare.collab.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.codeshare.collab.control.CollabSettings;

/**
 * The editor sockets open on this node, by WebSocket session id; closes the ones that sent nothing
 * (not even {@code ping}) for {@code codeshare.collab.socket-idle-timeout}, checked by one sweep.
 */
@ApplicationScoped
public class EditorSessions {

  @Inject CollabSettings settings;
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

  /** Closes every open socket with {@code code}; returns how many there were. */
  public int closeAll(int code, String reason) {
    var all = List.copyOf(open.values());
    all.forEach(connection -> connection.close(code, reason));
    return all.size();
  }

  /** Rooms with at least one open socket on this node. */
  public long rooms() {
    return open.values().stream().map(EditorConnection::roomId).distinct().count();
  }
}
