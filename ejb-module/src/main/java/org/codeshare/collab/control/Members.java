package org.codeshare.collab.control;

import jakarta.json.JsonArray;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.presence.entity.Peer;

/**
 * The connections in one loaded room and what goes out to them: presence, cursors (throttled per
 * connection), relays. Used only from the room's actor, so it needs no locks. What its sockets see,
 * the other nodes see too, through the {@link Fanout}.
 */
final class Members {

  private final UUID roomId;
  private final Fanout fanout;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, String> clientIds = new HashMap<>();
  private Instant idleSince = Instant.now();

  private static final class Member {
    final Participant participant;
    Instant lastCursor = Instant.EPOCH;
    JsonArray pendingCursor;

    Member(Participant participant) {
      this.participant = participant;
    }
  }

  Members(UUID roomId, Fanout fanout) {
    this.roomId = roomId;
    this.fanout = fanout;
  }

  boolean contains(String participantId) {
    return members.containsKey(participantId);
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  List<Peer> peersBut(String participantId) {
    return members.values().stream()
        .map(m -> m.participant.peer())
        .filter(peer -> !peer.id().equals(participantId))
        .toList();
  }

  void add(Participant participant) {
    members.put(participant.id(), new Member(participant));
    idleSince = null;
    var joined = ServerMessages.joined(participant.peer());
    broadcastExcept(participant.id(), joined);
    fanout.publishRelay(roomId, joined);
  }

  void remove(String participantId) {
    var member = members.remove(participantId);
    if (member == null) {
      return;
    }
    clientIds.values().removeIf(participantId::equals);
    var left = ServerMessages.left(member.participant.peer());
    broadcast(left);
    fanout.publishRelay(roomId, left);
    if (members.isEmpty()) {
      idleSince = Instant.now();
    }
  }

  /** Binds a client ID to the connection that first pushes with it, while it is connected. */
  void claim(String clientId, String participantId) {
    var owner = clientIds.putIfAbsent(clientId, participantId);
    if (owner != null && !owner.equals(participantId)) {
      throw new ProtocolError(ProtocolError.CLIENT_ID_TAKEN, "another connection uses it");
    }
  }

  /**
   * Relays a cursor at once, or keeps it (the latest wins) until {@code interval} after the last
   * one; then the answer is how long until {@link #flushCursor} should run.
   */
  Optional<Duration> cursor(String participantId, JsonArray ranges, Duration interval) {
    var member = members.get(participantId);
    if (member == null) {
      return Optional.empty();
    }
    var now = Instant.now();
    var wait = Duration.between(now, member.lastCursor.plus(interval));
    if (wait.isNegative() || wait.isZero()) {
      member.lastCursor = now;
      sendCursor(participantId, ranges);
      return Optional.empty();
    }
    boolean scheduled = member.pendingCursor != null;
    member.pendingCursor = ranges;
    return scheduled ? Optional.empty() : Optional.of(wait);
  }

  void flushCursor(String participantId) {
    var member = members.get(participantId);
    if (member != null && member.pendingCursor != null) {
      member.lastCursor = Instant.now();
      sendCursor(participantId, member.pendingCursor);
      member.pendingCursor = null;
    }
  }

  private void sendCursor(String participantId, JsonArray ranges) {
    var cursor = ServerMessages.cursor(participantId, ranges);
    broadcastExcept(participantId, cursor);
    fanout.publishRelay(roomId, cursor);
  }

  /** To everyone here and on the other nodes. */
  void announce(String message) {
    broadcast(message);
    fanout.publishRelay(roomId, message);
  }

  /** To everyone connected here. */
  void broadcast(String message) {
    members.values().forEach(m -> m.participant.outlet().send(message));
  }

  private void broadcastExcept(String participantId, String message) {
    members.forEach(
        (memberId, m) -> {
          if (!memberId.equals(participantId)) {
            m.participant.outlet().send(message);
          }
        });
  }

  boolean idleSince(Instant cutoff) {
    return members.isEmpty() && idleSince != null && !idleSince.isAfter(cutoff);
  }

  void closeAll(int code, String reason) {
    members.values().forEach(m -> m.participant.outlet().close(code, reason));
    members.clear();
    clientIds.clear();
  }
}
