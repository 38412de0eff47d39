package org.codeshare.collab.control;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.collab.entity.SharedMessage;
import org.codeshare.presence.control.Presence;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.control.RoomRights;

/**
 * The connections in one loaded room and what goes out to them: presence, cursors (throttled per
 * connection), relays, changed rights. Used only from the room's actor, so it needs no locks. What
 * its sockets see, the other nodes see too, through the {@link Fanout}; who is here is written to
 * the {@link Presence} roster.
 */
final class Members {

  private final UUID roomId;
  private final Fanout fanout;
  private final Presence presence;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private Instant idleSince = Instant.now();

  private static final class Member {
    Participant participant;
    int restarts;
    Instant lastCursor = Instant.EPOCH;
    ClientMessage.Cursor pendingCursor;

    Member(Participant participant) {
      this.participant = participant;
    }
  }

  Members(UUID roomId, Fanout fanout, Presence presence) {
    this.roomId = roomId;
    this.fanout = fanout;
    this.presence = presence;
  }

  boolean contains(String participantId) {
    return members.containsKey(participantId);
  }

  /** The connection with its current rights; null when it is not (or no longer) here. */
  Participant get(String participantId) {
    var member = members.get(participantId);
    return member == null ? null : member.participant;
  }

  /** The connection's current rights, or the ones it had when it is no longer in the room. */
  Participant current(Participant participant) {
    var now = get(participant.id());
    return now == null ? participant : now;
  }

  /**
   * How often the connection was started again from the room's text (a {@code hello} after its
   * first): a push it sent before the last of them must not be committed, since its client has
   * rebased those edits onto that text and pushes them again under the same client ID.
   */
  int restarts(String participantId) {
    var member = members.get(participantId);
    return member == null ? 0 : member.restarts;
  }

  void restarted(String participantId) {
    var member = members.get(participantId);
    if (member != null) {
      member.restarts++;
    }
  }

  List<Participant> all() {
    return members.values().stream().map(m -> m.participant).toList();
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  int size() {
    return members.size();
  }

  List<Peer> peersBut(String participantId) {
    return members.values().stream()
        .map(m -> m.participant.peer())
        .filter(peer -> !peer.id().equals(participantId))
        .toList();
  }

  List<UUID> userIds() {
    return members.values().stream()
        .map(m -> m.participant.userId())
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  void add(Participant participant) {
    members.put(participant.id(), new Member(participant));
    idleSince = null;
    presence.enter(roomId, participant.peer(), participant.subject());
    var joined = ServerMessages.joined(participant.peer());
    broadcastExcept(participant.id(), joined);
    fanout.publishRelay(roomId, joined);
  }

  void remove(String participantId) {
    var member = members.remove(participantId);
    if (member == null) {
      return;
    }
    presence.leave(roomId, participantId);
    announce(ServerMessages.left(member.participant.peer()));
    if (members.isEmpty()) {
      idleSince = Instant.now();
    }
  }

  /**
   * Binds a client ID to the connection that first pushes with it, while it is connected, on every
   * node (another connection of the same person may take it over, as after a reconnect).
   */
  void claim(String clientId, Participant participant) {
    if (!presence.claim(roomId, clientId, participant.id(), participant.subject())) {
      throw new ProtocolError(ProtocolError.CLIENT_ID_TAKEN, "another connection uses it");
    }
  }

  /**
   * Holds every connection to the room's rights as they are now: a connection whose rights changed
   * is told so ({@code access}) and the others see its new role; one that lost access is closed.
   */
  void refresh(RoomRights.Current rights) {
    for (var member : List.copyOf(members.values())) {
      var participant = member.participant;
      var role = rights.roleOf(participant.userId(), participant.manager());
      if (role.isEmpty()) {
        participant.outlet().close(LiveRoom.CLOSE_GONE, "access revoked");
        remove(participant.id());
        continue;
      }
      var canEdit = rights.canEdit(role.get());
      if (role.get() == participant.role() && canEdit == participant.canEdit()) {
        continue;
      }
      member.participant = participant.withRights(role.get(), canEdit);
      participant.outlet().send(ServerMessages.access(role.get(), canEdit));
      if (role.get() != participant.role()) {
        presence.update(roomId, member.participant.peer());
        var changed = ServerMessages.joined(member.participant.peer());
        broadcastExcept(participant.id(), changed);
        fanout.publishRelay(roomId, changed);
      }
    }
  }

  /** A connection of a dead node was removed from the roster by this node. */
  void departed(Peer peer) {
    announce(ServerMessages.left(peer));
  }

  /** A connection here that the roster had lost is back in it. */
  void returned(String participantId) {
    var member = members.get(participantId);
    if (member != null) {
      var joined = ServerMessages.joined(member.participant.peer());
      broadcastExcept(participantId, joined);
      fanout.publishRelay(roomId, joined);
    }
  }

  /**
   * Relays a cursor at once, or keeps it (the latest wins) until {@code interval} after the last
   * one; then the answer is how long until {@link #flushCursor} should run.
   */
  Optional<Duration> cursor(String participantId, ClientMessage.Cursor cursor, Duration interval) {
    var member = members.get(participantId);
    if (member == null) {
      return Optional.empty();
    }
    var now = Instant.now();
    var wait = Duration.between(now, member.lastCursor.plus(interval));
    if (wait.isNegative() || wait.isZero()) {
      member.lastCursor = now;
      sendCursor(participantId, cursor);
      return Optional.empty();
    }
    boolean scheduled = member.pendingCursor != null;
    member.pendingCursor = cursor;
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

  private void sendCursor(String participantId, ClientMessage.Cursor cursor) {
    var message = ServerMessages.cursor(participantId, cursor);
    broadcastExcept(participantId, message);
    fanout.publishRelay(roomId, message);
  }

  /** To everyone here and on the other nodes. */
  void announce(String message) {
    broadcast(message);
    fanout.publishRelay(roomId, message);
  }

  /** To everyone connected here. */
  void broadcast(String message) {
    var shared = new SharedMessage(message);
    members.values().forEach(m -> m.participant.outlet().send(shared));
  }

  private void broadcastExcept(String participantId, String message) {
    var shared = new SharedMessage(message);
    members.forEach(
        (memberId, m) -> {
          if (!memberId.equals(participantId)) {
            m.participant.outlet().send(shared);
          }
        });
  }

  boolean idleSince(Instant cutoff) {
    return members.isEmpty() && idleSince != null && !idleSince.isAfter(cutoff);
  }

  void closeAll(int code, String reason) {
    members.forEach(
        (id, m) -> {
          presence.leave(roomId, id);
          m.participant.outlet().close(code, reason);
        });
    members.clear();
  }
}
