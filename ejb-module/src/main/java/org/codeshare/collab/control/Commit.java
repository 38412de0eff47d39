package org.codeshare.collab.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.Update;

/**
 * Commits the pushes a room has queued, together: each is rebased over what the room accepted since
 * its version and over the pushes before it, checked against the document, and all are appended in
 * one transaction (group commit); everyone is sent them only after the commit. A push that does not
 * fit is refused on its own. When another node committed first, the room catches up with what it
 * missed and the batch is composed and tried again. A room's pushes commit without holding its
 * thread ({@link #start}, {@link #finish}); restores wait for theirs ({@link #run}).
 */
final class Commit {

  private static final Logger LOG = Logger.getLogger(Commit.class.getName());
  private static final int ATTEMPTS = 10;

  /**
   * One push waiting for the room's next commit; {@code restarts} is how often its connection had
   * been started again when it arrived ({@link Members#restarts}).
   */
  record Queued(Participant author, long version, List<Update> updates, int restarts) {}

  private final LiveRoom room;
  private final List<Queued> pushes;
  private int attempt;

  // the statement handed in by start()
  private Batch inFlight;
  private long expected;
  private long started;
  private CompletableFuture<Optional<UpdateLog.Committed>> submitted;
  private boolean finished;

  Commit(LiveRoom room, List<Queued> pushes) {
    this.room = room;
    this.pushes = new ArrayList<>(pushes);
  }

  /**
   * Commits on the room's thread, waiting for the database: restores, and the pushes of a batch
   * split after another node's commit.
   */
  void run() {
    while (true) {
      var batch = compose();
      if (batch.authored().isEmpty()) {
        return;
      }
      UpdateLog.Appended result;
      long started = System.nanoTime();
      try {
        result =
            room.rooms()
                .writer()
                .tryAppend(room.id(), room.version(), batch.authored())
                .map(UpdateLog.Appended.class::cast)
                .orElseGet(() -> careful(batch));
        room.rooms().metrics().committed(started);
      } catch (RuntimeException e) {
        result = afterFailure(e, batch);
      }
      if (result == null || settled(batch, result)) {
        return;
      }
    }
  }

  /**
   * Starts the commit without holding the room's thread: the batch goes to the group statement, and
   * {@link #finish} takes the result as a task of the room. False when there was nothing to commit.
   */
  boolean start() {
    var batch = compose();
    if (batch.authored().isEmpty()) {
      return false;
    }
    inFlight = batch;
    expected = room.version();
    started = System.nanoTime();
    try {
      submitted = room.rooms().writer().submit(room.id(), expected, batch.authored());
    } catch (RuntimeException e) {
      submitted = CompletableFuture.failedFuture(e);
    }
    submitted.whenComplete((result, failure) -> room.enqueue(live -> finish(), gone -> {}));
    return true;
  }

  /**
   * Takes the result of the statement {@link #start} handed in (waiting for it when a restore
   * cannot wait for its turn; a second call does nothing): confirms the batch to everyone, then
   * lets the room commit what was queued meanwhile.
   */
  void finish() {
    if (finished) {
      return;
    }
    finished = true;
    try {
      settleInFlight();
    } finally {
      room.commits().commitDone();
    }
  }

  private void settleInFlight() {
    var batch = inFlight;
    Optional<UpdateLog.Committed> result;
    try {
      result = submitted.join();
    } catch (CompletionException e) {
      var failure =
          e.getCause() instanceof RuntimeException cause
              ? cause
              : new IllegalStateException(e.getCause());
      notMoved(batch, () -> afterFailure(failure, batch));
      return;
    }
    if (result.isEmpty()) {
      notMoved(batch, () -> careful(batch));
      return;
    }
    room.rooms().metrics().committed(started);
    var committed = result.get().committed();
    if (room.version() != expected) {
      // The room caught up meanwhile (a pull, a resync), maybe with these very updates.
      try {
        room.roomHistory().catchUp();
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "cannot catch up room " + room.id(), e);
      }
      room.rooms().fanout().publishUpdates(room.id(), expected, committed);
      return;
    }
    confirm(committed, batch.changes());
  }

  /**
   * The statement did not move the room (its guard failed, or the database did): when the room
   * moved meanwhile the batch is composed again over it, else {@code outcome} tells what happened.
   */
  private void notMoved(Batch batch, Supplier<UpdateLog.Appended> outcome) {
    if (room.version() != expected) {
      run();
      return;
    }
    UpdateLog.Appended after;
    try {
      after = outcome.get();
    } catch (RuntimeException e) {
      after = afterFailure(e, batch);
    }
    if (after != null && !settled(batch, after)) {
      run();
    }
  }

  private UpdateLog.Appended careful(Batch batch) {
    return room.rooms().log().appendAll(room.id(), room.version(), batch.authored());
  }

  /** Deals with one attempt's result; false when the pushes left need another attempt. */
  private boolean settled(Batch batch, UpdateLog.Appended result) {
    attempt++;
    if (result instanceof UpdateLog.Committed committed) {
      var changes = batch.changes();
      if (!committed.missed().isEmpty()) {
        room.catchUp(committed.missed());
        changes = RoomText.composed(room.docLength(), committed.committed());
      }
      confirm(committed.committed(), changes);
      return true;
    }
    if (result instanceof UpdateLog.Refused refused) {
      if (refused.gone()) {
        room.gone();
        return true;
      }
      var refusedPushes =
          refused.pushes().isEmpty()
              ? batch.pushes()
              : refused.pushes().stream().map(batch.pushes()::get).toList();
      refusedPushes.forEach(p -> refuse(p, ProtocolError.LOCKED, "the room is locked"));
      pushes.removeAll(refusedPushes);
      return false;
    }
    var missed = ((UpdateLog.Behind) result).missed();
    if (batch.pushes().size() > 1) {
      // Another node committed meanwhile: each push alone is rebased under the row lock over
      // what it missed, in commit order, as clients do.
      room.catchUp(missed);
      for (var push : List.copyOf(pushes)) {
        new Commit(room, List.of(push)).run();
      }
      return true;
    }
    if (attempt >= ATTEMPTS) {
      batch.pushes().forEach(p -> refuse(p, ProtocolError.UNAVAILABLE, "too many edits"));
      return true;
    }
    room.catchUp(missed);
    return false;
  }

  private Batch compose() {
    return Batch.compose(room, pushes);
  }

  private void refuse(Queued push, String code, String message) {
    Batch.refuse(pushes, push, code, message);
  }

  private void confirm(List<Update> committed, ChangeSet changes) {
    long fanout = System.nanoTime();
    long from = room.version();
    room.accept(committed, changes);
    room.rooms().fanout().publishUpdates(room.id(), from, committed);
    room.rooms().metrics().fannedOut(fanout);
  }

  /**
   * A failed append is either a lost race on the primary key or a database failure (possibly after
   * the commit went through): the history tells which. Null when the batch was refused.
   */
  private UpdateLog.Appended afterFailure(RuntimeException failure, Batch batch) {
    LOG.log(Level.FINE, "append failed in room " + room.id() + ", reloading", failure);
    List<Update> missed;
    try {
      missed = room.rooms().log().since(room.id(), room.version());
    } catch (HistoryCompacted e) {
      try {
        // the room loads again: its connections start again from its text
        room.roomHistory().catchUp();
        batch.pushes().stream()
            .filter(p -> !room.members().contains(p.author().id())) // a restore waits for an answer
            .forEach(p -> refuse(p, ProtocolError.UNAVAILABLE, "try again shortly"));
      } catch (RuntimeException reload) {
        LOG.log(Level.WARNING, "room " + room.id() + " unavailable", reload);
        batch.pushes().forEach(p -> refuse(p, ProtocolError.UNAVAILABLE, "try again shortly"));
      }
      return null;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "room " + room.id() + " unavailable", failure);
      missed = List.of();
    }
    if (missed.isEmpty()) {
      LOG.log(Level.WARNING, "append failed in room " + room.id(), failure);
      batch.pushes().forEach(p -> refuse(p, ProtocolError.UNAVAILABLE, "try again shortly"));
      return null;
    }
    return new UpdateLog.Behind(missed);
  }
}
