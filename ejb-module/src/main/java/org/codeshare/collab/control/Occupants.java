package org.codeshare.collab.control;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.chat.entity.ChatLine;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.rooms.control.RoomRights;

/**
 * What a loaded room's people do apart from editing: cursors (throttled, not stored), chat (stored,
 * then sent to everyone) and the rights they hold. Runs on the room's actor, like the room.
 */
final class Occupants {

  private static final Logger LOG = Logger.getLogger(Occupants.class.getName());

  private final LiveRoom room;
  private final Members members;

  Occupants(LiveRoom room, Members members) {
    this.room = room;
    this.members = members;
  }

  void cursor(Participant participant, ClientMessage.Cursor cursor) {
    var rooms = room.rooms();
    members
        .cursor(participant.id(), cursor, rooms.settings().cursorInterval())
        .ifPresent(
            wait ->
                rooms.later(
                    wait,
                    () -> room.enqueue(r -> r.members().flushCursor(participant.id()), s -> {})));
  }

  void chat(Participant author, String text) {
    if (!members.contains(author.id())) {
      return;
    }
    try {
      var message =
          room.rooms().chatLog().post(room.id(), author.userId(), author.peer().name(), text);
      members.announce(
          ServerMessages.chat(ChatLine.of(message, author.id()), author.peer().color()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "chat failed in room " + room.id(), e);
      author.outlet().send(LiveRoom.unavailable());
    }
  }

  /** Holds the connections to the room's rights as they are now in the database. */
  void refreshRights() {
    if (!room.loaded() || members.isEmpty()) {
      return;
    }
    Optional<RoomRights.Current> rights;
    try {
      rights = room.rooms().rights().of(room.id(), members.userIds());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot refresh the rights in room " + room.id(), e);
      return;
    }
    rights.ifPresentOrElse(members::refresh, room::gone);
  }
}
