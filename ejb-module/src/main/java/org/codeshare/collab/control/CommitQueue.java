package org.codeshare.collab.control;

import java.util.ArrayList;
import java.util.List;

/**
 * A room's checked pushes on their way to the database: queued, then committed a batch at a time
 * (every push queued by then, in one transaction), with one batch in flight; the pushes arriving
 * meanwhile wait for it. Runs on the room's actor, like the room.
 */
final class CommitQueue {

  private final LiveRoom room;
  private List<Commit.Queued> queued = new ArrayList<>();
  private Commit committing; // its statement is in flight
  private final List<Runnable> whenSettled = new ArrayList<>();

  CommitQueue(LiveRoom room) {
    this.room = room;
  }

  /** Queues a push for the room's next commit. */
  void add(Commit.Queued push) {
    queued.add(push);
    if (queued.size() == 1 && committing == null) {
      var batch = queued;
      room.enqueue(
          r -> r.commits().commitQueued(),
          s -> batch.forEach(q -> s.requeue(room.id(), q))); // the room was unloaded meanwhile
    }
  }

  /** Commits every push queued so far, together, unless a batch is in flight. */
  void commitQueued() {
    if (committing != null) {
      return;
    }
    var batch = queued;
    queued = new ArrayList<>();
    if (!batch.isEmpty()) {
      var commit = new Commit(room, batch);
      if (commit.start()) {
        committing = commit;
      }
    }
    if (idle() && !whenSettled.isEmpty()) {
      var waiting = List.copyOf(whenSettled);
      whenSettled.clear();
      waiting.forEach(Runnable::run);
    }
  }

  /** The batch in flight is settled: the pushes queued meanwhile go next. */
  void commitDone() {
    committing = null;
    commitQueued();
  }

  /** Settles the batch in flight now, waiting for its statement (a restore's turn). */
  void finishInFlight() {
    while (committing != null) {
      committing.finish();
    }
  }

  /** Runs {@code task} once the pushes taken in so far are committed or refused. */
  void whenSettled(Runnable task) {
    if (idle()) {
      task.run();
    } else {
      whenSettled.add(task);
    }
  }

  /** Nothing queued and nothing in flight. */
  boolean idle() {
    return committing == null && queued.isEmpty();
  }

  /** The room is gone: its pushes are dropped and nobody waits for them any more. */
  void closed() {
    queued = new ArrayList<>();
    whenSettled.forEach(Runnable::run);
    whenSettled.clear();
  }
}
