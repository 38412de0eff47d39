package org.codeshare.collab.control;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.entity.RoomNotFound;

/**
 * A loaded room's way back through its history: the updates since a version (from memory, else from
 * {@code room_updates}), pulls, catching up with what the database has beyond the room, and loading
 * the room again when what it lacks was compacted away. Runs on the room's actor, like the room.
 */
final class RoomHistory {

  private static final Logger LOG = Logger.getLogger(RoomHistory.class.getName());

  private final LiveRoom room;
  private final RoomText text;
  private final Members members;

  RoomHistory(LiveRoom room, RoomText text, Members members) {
    this.room = room;
    this.text = text;
    this.members = members;
  }

  /**
   * Updates {@code from + 1} to the current version, from the database when they are no longer in
   * memory. The room does not move meanwhile: a commit composes its pushes against this version.
   *
   * @throws HistoryCompacted when some of them were compacted away behind a snapshot
   */
  List<Update> since(long from) {
    var newest = text.since(from);
    if (newest != null) {
      return newest;
    }
    int count = (int) (text.version() - from);
    var stored = room.rooms().log().since(room.id(), from, count);
    if (stored.size() < count) {
      throw new HistoryCompacted();
    }
    return stored;
  }

  /** Sends the updates after {@code from}, one message each, or a fresh start when too far. */
  void pull(Participant sender, long from) {
    var participant = members.get(sender.id());
    if (participant == null) {
      return;
    }
    if (from > text.version()) {
      room.resync(); // the client may come from a node this one has not heard from yet
    }
    room.flush(); // so that the answer and the frames after it follow each other
    if (room.closed()) {
      return;
    }
    long behind = text.version() - from;
    if (from > text.version() || behind > room.rooms().settings().maxPullUpdates()) {
      room.restart(participant);
      return;
    }
    try {
      var missed = since(from);
      for (int i = 0; i < missed.size(); i++) {
        participant.outlet().send(ServerMessages.updates(from + i, missed.subList(i, i + 1)));
      }
      if (missed.isEmpty()) {
        participant.outlet().send(ServerMessages.updates(from, missed));
      }
    } catch (HistoryCompacted e) {
      room.restart(participant);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "pull failed in room " + room.id(), e);
      participant.outlet().send(LiveRoom.unavailable());
    }
  }

  /**
   * Takes in what the database has beyond this room's version. When the room fell further behind
   * than the history kept after a snapshot, it loads again and starts every connection again from
   * the text now ({@code hello}): the updates it lacks are gone.
   */
  void catchUp() {
    try {
      room.catchUp(room.rooms().log().since(room.id(), text.version()));
    } catch (HistoryCompacted e) {
      reload();
    }
  }

  private void reload() {
    var rooms = room.rooms();
    UpdateLog.Loaded state;
    try {
      state = rooms.coldLoad().load(room.id(), rooms.settings().historyWindow());
    } catch (RoomNotFound e) {
      room.gone();
      return;
    }
    long was = text.version();
    LOG.warning(
        () ->
            "room "
                + room.id()
                + " was at version "
                + was
                + ", behind its kept history: loaded again at "
                + state.version());
    room.dropOutgoing();
    text.load(state.doc(), state.version(), state.recent());
    members.all().forEach(room::restart);
  }
}
