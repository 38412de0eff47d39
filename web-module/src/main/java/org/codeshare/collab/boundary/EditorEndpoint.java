package org.codeshare.collab.boundary;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.control.CollabSettings;
import org.codeshare.collab.control.RoomSequencer;
import org.codeshare.lifecycle.control.NodeState;

/** {@code /ws/editor/{slug}}: the live editing protocol, see {@code docs/collaboration.md}. */
@ServerEndpoint(value = "/ws/editor/{slug}", configurator = EditorHandshake.class)
public class EditorEndpoint {

  private static final Logger LOG = Logger.getLogger(EditorEndpoint.class.getName());

  @Inject EditorAdmission admission;
  @Inject EditorSessions sessions;
  @Inject RoomSequencer rooms;
  @Inject CollabSettings settings;
  @Inject SocketWriters writers;
  @Inject NodeState node;

  @OnOpen
  public void open(Session session, EndpointConfig config, @PathParam("slug") String slug) {
    var captured = config.getUserProperties().get(EditorHandshake.KEY);
    if (captured == null) {
      captured = session.getUserProperties().get(EditorHandshake.KEY);
    }
    if (node.draining()) {
      close(session, CloseCodes.SERVICE_RESTART, "service restart");
      return;
    }
    try {
      var admitted = admission.admit(slug, (EditorHandshake.Captured) captured);
      // Up to the limit a message gets an error answer; far beyond it the container closes (1009).
      session.setMaxTextMessageBufferSize(
          (int) Math.min(Integer.MAX_VALUE, 2L * settings.maxMessageBytes() + 1024));
      // Tyrus re-arms the idle timer on every frame. On Payara's managed scheduler that captures
      // a context each time and keeps every cancelled timer queued until it would have fired (a
      // quarter of a million a minute in a room of 100 authors), so the timer is only used once
      // SocketTimers moved it to a plain scheduler. EditorSessions closes silent sockets (on a
      // thread with the application's context); the container's timer is only the safety net.
      session.setMaxIdleTimeout(
          SocketTimers.installed() ? 2 * settings.socketIdleTimeout().toMillis() : 0);
      var connection = new EditorConnection(session, admitted, rooms, writers, settings, node);
      sessions.add(session.getId(), connection);
      rooms.join(admitted.roomId(), connection.participant());
    } catch (EditorAdmission.Refused refused) {
      close(session, refused.code(), refused.getMessage());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot open an editor socket", e);
      close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION.getCode(), "try again shortly");
    }
  }

  @OnMessage
  public void message(Session session, String text) {
    if (!node.takingMessages()) {
      return; // not taken in: the client pushes it again on the node it reconnects to
    }
    sessions.get(session.getId()).ifPresent(connection -> connection.receive(text));
  }

  @OnClose
  public void closed(Session session) {
    sessions.remove(session.getId()).ifPresent(c -> rooms.leave(c.roomId(), c.participant().id()));
  }

  @OnError
  public void failed(Session session, Throwable failure) {
    LOG.log(Level.FINE, "editor socket error", failure);
  }

  private static void close(Session session, int code, String reason) {
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    } catch (IOException e) {
      LOG.log(Level.FINE, "closing a refused editor socket failed", e);
    }
  }
}
