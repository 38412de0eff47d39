package org.codeshare.collab.control;

import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.entity.JsonText;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.RoomUpdate;
import org.codeshare.collab.entity.StepwiseRebase;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.entity.RoomRole;

/**
 * Commits one push, already rebased onto the room's version: checks it against the document,
 * appends it, and confirms it to everyone only after the commit. When another node committed first,
 * the room catches up with what it missed, rebases the push over it and tries again.
 */
final class Commit {

  private static final Logger LOG = Logger.getLogger(Commit.class.getName());
  private static final int ATTEMPTS = 10;

  private final LiveRoom room;
  private final UUID authorId;
  private final RoomRole role;
  private List<Update> updates;

  Commit(LiveRoom room, UUID authorId, RoomRole role, List<Update> rebased) {
    this.room = room;
    this.authorId = authorId;
    this.role = role;
    this.updates = rebased;
  }

  /**
   * @throws ProtocolError when the push cannot be taken; nothing is changed then
   * @throws org.codeshare.collab.entity.InvalidChanges when it does not fit the document
   */
  void run() {
    for (int attempt = 1; !updates.isEmpty(); attempt++) {
      var next = checked();
      UpdateLog.Appended result;
      long started = System.nanoTime();
      try {
        result = room.rooms().log().append(room.id(), room.version(), updates, authorId, role);
        room.rooms().metrics().committed(started);
      } catch (RuntimeException e) {
        result = afterFailure(e);
      }
      if (result instanceof UpdateLog.Committed committed) {
        if (committed.missed().isEmpty()) {
          confirm(committed.committed(), next);
        } else {
          room.catchUp(committed.missed());
          var doc = room.doc();
          for (var update : committed.committed()) {
            doc = update.changes().apply(doc);
          }
          confirm(committed.committed(), doc);
        }
        return;
      }
      if (result instanceof UpdateLog.Refused refused) {
        if (refused.gone()) {
          room.gone();
          return;
        }
        throw new ProtocolError(ProtocolError.LOCKED, "the room is locked");
      }
      var missed = ((UpdateLog.Behind) result).missed();
      if (attempt == ATTEMPTS) {
        throw new ProtocolError(ProtocolError.UNAVAILABLE, "too many concurrent edits");
      }
      room.catchUp(missed);
      updates = StepwiseRebase.rebase(updates, missed);
    }
  }

  private void confirm(List<Update> committed, String doc) {
    long started = System.nanoTime();
    long from = room.version();
    room.accept(committed, doc);
    room.rooms().fanout().publishUpdates(room.id(), from, committed);
    room.rooms().metrics().fannedOut(started);
  }

  /** The document after the push, once the push is known to fit it and the limits. */
  private String checked() {
    var doc = room.doc();
    var next = doc;
    for (var update : updates) {
      if (JsonText.wellFormed(update.changes().toJson().toString()).length()
          > RoomUpdate.MAX_CHANGES_LENGTH) {
        throw new ProtocolError(ProtocolError.TOO_LARGE, "an update is too large to store");
      }
      next = update.changes().apply(next);
    }
    int max = room.rooms().settings().maxDocLength();
    if (next.length() > max && next.length() > doc.length()) {
      throw new ProtocolError(
          ProtocolError.DOC_TOO_LARGE, "documents are limited to " + max + " characters");
    }
    return next;
  }

  /**
   * A failed append is either a lost race on the primary key or a database failure (possibly after
   * the commit went through): the history tells which.
   */
  private UpdateLog.Appended afterFailure(RuntimeException failure) {
    LOG.log(Level.FINE, "append failed in room " + room.id() + ", reloading", failure);
    List<Update> missed;
    try {
      missed = room.rooms().log().since(room.id(), room.version());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "room " + room.id() + " unavailable", failure);
      throw new ProtocolError(ProtocolError.UNAVAILABLE, "try again shortly");
    }
    if (missed.isEmpty()) {
      LOG.log(Level.WARNING, "append failed in room " + room.id(), failure);
      throw new ProtocolError(ProtocolError.UNAVAILABLE, "try again shortly");
    }
    return new UpdateLog.Behind(missed);
  }
}
