package org.codeshare.collab.control;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.control.Commit.Queued;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.InvalidChanges;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.RoomUpdate;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.collab.entity.StepwiseRebase;
import org.codeshare.collab.entity.Update;

/**
 * The pushes of one attempt of a {@link Commit}, rebased and checked, as they are appended, and
 * their updates composed into one change of the room's document.
 */
record Batch(List<Queued> pushes, List<UpdateLog.Authored> authored, ChangeSet changes) {

  private static final Logger LOG = Logger.getLogger(Batch.class.getName());

  /**
   * Rebases each of {@code pushes} over the room's history since its version and the pushes before
   * it (step by step, as clients apply updates), and checks it. A push that does not fit is
   * answered with its error and removed from {@code pushes}, as are those with nothing left to
   * commit and those sent before their connection's fresh {@code hello}.
   */
  static Batch compose(LiveRoom room, List<Queued> pushes) {
    var changes = ChangeSet.empty(room.docLength()); // the batch's, composed: applied once
    var batched = new ArrayList<Update>();
    var kept = new ArrayList<Queued>();
    var authored = new ArrayList<UpdateLog.Authored>();
    var missed =
        BatchHistory.since(
            room,
            pushes.stream()
                .filter(push -> push.restarts() == room.members().restarts(push.author().id()))
                .map(Queued::version)
                .toList());
    for (var push : List.copyOf(pushes)) {
      if (push.restarts() != room.members().restarts(push.author().id())) {
        pushes.remove(push); // sent before a hello: its client pushes those edits again
        continue;
      }
      try {
        var rebased =
            StepwiseRebase.rebase(
                StepwiseRebase.rebase(push.updates(), missed.after(push.version())), batched);
        if (rebased.isEmpty()) {
          pushes.remove(push); // all of it was accepted already
          continue;
        }
        changes = checked(room, changes, rebased);
        batched.addAll(rebased);
        kept.add(push);
        var author = room.members().current(push.author()); // with the rights it has now
        authored.add(new UpdateLog.Authored(rebased, author.userId(), author.role()));
      } catch (HistoryCompacted e) {
        pushes.remove(push);
        room.restart(push.author()); // too old to rebase: start again from the current text
      } catch (ProtocolError e) {
        refuse(pushes, push, e.code(), e.getMessage());
      } catch (InvalidChanges e) {
        refuse(pushes, push, ProtocolError.INVALID_CHANGES, e.getMessage());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "history unavailable in room " + room.id(), e);
        refuse(pushes, push, ProtocolError.UNAVAILABLE, "try again shortly");
      }
    }
    return new Batch(kept, authored, changes);
  }

  /** Answers {@code push} with an error and takes it out of {@code pushes}. */
  static void refuse(List<Queued> pushes, Queued push, String code, String message) {
    pushes.remove(push);
    push.author().outlet().send(ServerMessages.error(code, message));
  }

  /**
   * {@code before} followed by {@code updates}, once they are known to fit the document it leads to
   * and the limits. Composed rather than applied: the room applies the batch once, when committed.
   */
  private static ChangeSet checked(LiveRoom room, ChangeSet before, List<Update> updates) {
    var next = before;
    for (var update : updates) {
      if (update.changes().toJsonText().length() > RoomUpdate.MAX_CHANGES_LENGTH) {
        throw new ProtocolError(ProtocolError.TOO_LARGE, "an update is too large to store");
      }
      update.changes().checkAppliesTo(next.newLength());
      next = next.compose(update.changes());
    }
    int max = room.rooms().settings().maxDocLength();
    if (next.newLength() > max && next.newLength() > before.newLength()) {
      throw new ProtocolError(
          ProtocolError.DOC_TOO_LARGE, "documents are limited to " + max + " characters");
    }
    return next;
  }
}
