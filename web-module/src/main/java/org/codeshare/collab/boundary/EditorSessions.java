package org.codeshare.collab.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The editor sockets open on this node, by WebSocket session id. */
@ApplicationScoped
public class EditorSessions {

  private final ConcurrentHashMap<String, EditorConnection> open = new ConcurrentHashMap<>();

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
