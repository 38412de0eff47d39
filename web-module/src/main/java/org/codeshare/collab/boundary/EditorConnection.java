package org.codeshare.collab.boundary;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.control.CollabSettings;
import org.codeshare.collab.control.Outlet;
import org.codeshare.collab.control.Participant;
import org.codeshare.collab.control.RoomSequencer;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.collab.entity.SharedMessage;
import org.codeshare.lifecycle.control.NodeState;
import org.codeshare.presence.control.Colors;
import org.codeshare.presence.entity.Peer;

/**
 * One open editor socket: checks each incoming message against the limits and hands it to the room,
 * and queues what the room sends back.
 */
final class EditorConnection implements Outlet {

  private static final Logger LOG = Logger.getLogger(EditorConnection.class.getName());
  private static final SecureRandom IDS = new SecureRandom();
  private static volatile boolean framesUnreachable;

  private final Session session;
  private final UUID roomId;
  private final Participant participant;
  private final RoomSequencer rooms;
  private final CollabSettings settings;
  private final Sender sender;
  private volatile long lastHeard = System.nanoTime();
  private final RateLimit rate;

  EditorConnection(
      Session session,
      EditorAdmission.Admitted admitted,
      RoomSequencer rooms,
      SocketWriters writers,
      CollabSettings settings,
      NodeState node) {
    this.session = session;
    this.roomId = admitted.roomId();
    this.rooms = rooms;
    this.settings = settings;
    this.sender =
        new Sender(
            session.getAsyncRemote(),
            frames(session),
            writers.threads(),
            settings.sendQueueLimit(),
            // While the node drains, the container fails sends as it stops: the socket goes the
            // way the drain sends every socket, so that its editor reconnects elsewhere at once.
            (code, reason) ->
                close(
                    node.draining() ? CloseCodes.SERVICE_RESTART : code,
                    node.draining() ? "service restart" : reason));
    this.rate = new RateLimit(settings.messagesPerSecond());
    var peer = new Peer(newId(), admitted.name(), Colors.of(admitted.subject()), admitted.role());
    this.participant =
        new Participant(
            peer,
            admitted.subject(),
            admitted.userId(),
            admitted.canEdit(),
            admitted.language(),
            this,
            admitted.manager());
  }

  /** Null where the container's classes are out of reach: the socket is then sent text. */
  private static TyrusFrames frames(Session session) {
    if (framesUnreachable) {
      return null;
    }
    try {
      return TyrusFrames.of(session);
    } catch (LinkageError e) {
      framesUnreachable = true;
      LOG.log(Level.INFO, "editor frames are encoded once per socket: no Tyrus SPI", e);
      return null;
    }
  }

  private static String newId() {
    var bytes = new byte[9];
    IDS.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  UUID roomId() {
    return roomId;
  }

  Participant participant() {
    return participant;
  }

  void receive(String text) {
    lastHeard = System.nanoTime();
    switch (rate.take()) {
      case REFUSED -> {
        return;
      }
      case REFUSED_FIRST -> {
        error(ProtocolError.RATE_LIMITED, "more than " + settings.messagesPerSecond() + "/s");
        return;
      }
      case ABUSED -> {
        close(CloseCodes.ABUSE, "too many messages");
        return;
      }
      case TAKEN -> {}
    }
    if (tooLarge(text)) {
      error(ProtocolError.TOO_LARGE, "messages are limited to " + settings.maxMessageBytes());
      return;
    }
    ClientMessage message;
    try {
      message = ClientMessage.parse(text, settings.messageLimits());
    } catch (ProtocolError e) {
      error(e.code(), e.getMessage());
      return;
    }
    if (message instanceof ClientMessage.Push push) {
      rooms.push(roomId, participant, push); // the room checks the rights the connection has now
    } else if (message instanceof ClientMessage.Pull pull) {
      rooms.pull(roomId, participant, pull.version());
    } else if (message instanceof ClientMessage.Cursor cursor) {
      rooms.cursor(roomId, participant, cursor);
    } else if (message instanceof ClientMessage.Chat chat) {
      rooms.chat(roomId, participant, chat.text());
    } else {
      send(ServerMessages.pong());
    }
  }

  private boolean tooLarge(String text) {
    int max = settings.maxMessageBytes();
    if ((long) text.length() * 3 <= max) {
      return false;
    }
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes > max;
  }

  private void error(String code, String message) {
    send(ServerMessages.error(code, message));
  }

  @Override
  public void send(String message) {
    sender.send(new SharedMessage(message));
  }

  @Override
  public void send(SharedMessage message) {
    sender.send(message);
  }

  /** Closes the socket when nothing came from it since {@code cutoff} ({@link System#nanoTime}). */
  void closeIfSilentSince(long cutoff) {
    if (lastHeard - cutoff < 0) {
      close(CloseReason.CloseCodes.GOING_AWAY.getCode(), "idle");
    }
  }

  @Override
  public void close(int code, String reason) {
    sender.stop();
    try {
      session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
    } catch (IOException | IllegalStateException e) {
      LOG.log(Level.FINE, "closing an editor socket failed", e);
    }
  }
}
