package org.codeshare.collab.boundary;

import jakarta.enterprise.context.ApplicationScoped;
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

  /** Rooms with at least one open socket on this node. */
  public long rooms() {
    return open.values().stream().map(EditorConnection::roomId).distinct().count();
  }
}
