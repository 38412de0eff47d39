package org.codeshare.collab.control;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.codeshare.collab.entity.StepwiseRebase;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.control.RoomAccess;
import org.codeshare.rooms.entity.RoomRole;

/**
 * {@link UpdateLog} in memory, with the same compare-and-set; a test can commit as "another node"
 * and make the next append fail after (or before) it took effect.
 */
class FakeUpdateLog extends UpdateLog {

  final List<Update> history = new ArrayList<>();
  volatile boolean locked;
  volatile boolean failAfterNextCommit;
  volatile boolean failNextSince;

  /** The versions up to this one were deleted behind a snapshot. */
  volatile long compactedThrough;

  int appends;

  /** How often the room read the history ({@link #since}; not the appends' own reads). */
  int reads;

  private volatile java.util.concurrent.CountDownLatch holdNextAppend;
  private volatile java.util.concurrent.CountDownLatch appendHeld;

  /**
   * Makes the next append wait until the returned latch is counted down: pushes arriving meanwhile
   * queue up. {@link #awaitHeld} returns once it waits.
   */
  java.util.concurrent.CountDownLatch holdNextAppend() {
    var release = new java.util.concurrent.CountDownLatch(1);
    appendHeld = new java.util.concurrent.CountDownLatch(1);
    holdNextAppend = release;
    return release;
  }

  void awaitHeld() throws InterruptedException {
    if (!appendHeld.await(5, java.util.concurrent.TimeUnit.SECONDS)) {
      throw new AssertionError("no append started");
    }
  }

  /** Returns once the history holds {@code size} updates. */
  synchronized void awaitHistory(int size) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (history.size() < size) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("history has " + history.size() + " of " + size + " updates");
      }
      java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
    }
  }

  @Override
  public synchronized Loaded replay(UUID roomId, long baseVersion, String baseDoc, int keep) {
    var doc = "";
    for (var update : history) {
      doc = update.changes().apply(doc);
    }
    var recent = history.subList(Math.max(0, history.size() - keep), history.size());
    return new Loaded(roomId, doc, history.size(), List.copyOf(recent));
  }

  @Override
  public synchronized List<Update> since(UUID roomId, long version) {
    return since(roomId, version, Integer.MAX_VALUE);
  }

  @Override
  public synchronized List<Update> since(UUID roomId, long version, int count) {
    reads++;
    return read(roomId, version, count);
  }

  private List<Update> read(UUID roomId, long version, int count) {
    if (failNextSince) {
      failNextSince = false;
      throw new IllegalStateException("database down");
    }
    if (version < compactedThrough && history.size() > compactedThrough) {
      throw new HistoryCompacted(); // the first row there is not the one after version
    }
    int end = (int) Math.min(history.size(), version + count);
    return List.copyOf(history.subList((int) version, end));
  }

  @Override
  public synchronized Appended append(
      UUID roomId, long expected, List<Update> updates, UUID authorId, RoomRole role) {
    hold();
    appends++;
    if (locked && !RoomAccess.canEdit(lockedRoom(), role)) {
      return new Refused(false);
    }
    var missed = read(roomId, expected, Integer.MAX_VALUE);
    var committed = StepwiseRebase.rebase(updates, missed);
    history.addAll(committed);
    notifyAll();
    if (failAfterNextCommit) {
      failAfterNextCommit = false;
      throw new IllegalStateException("connection reset after commit");
    }
    return new Committed(expected, missed, committed);
  }

  @Override
  public synchronized Appended appendAll(UUID roomId, long expected, List<Authored> pushes) {
    if (pushes.size() == 1) {
      var push = pushes.get(0);
      return append(roomId, expected, push.updates(), push.authorId(), push.role());
    }
    hold();
    appends++;
    var refused = new ArrayList<Integer>();
    for (int i = 0; i < pushes.size(); i++) {
      if (locked && !RoomAccess.canEdit(lockedRoom(), pushes.get(i).role())) {
        refused.add(i);
      }
    }
    if (!refused.isEmpty()) {
      return new Refused(false, refused);
    }
    if (history.size() != expected) {
      return new Behind(read(roomId, expected, Integer.MAX_VALUE));
    }
    var committed = new ArrayList<Update>();
    pushes.forEach(push -> committed.addAll(push.updates()));
    history.addAll(committed);
    notifyAll();
    if (failAfterNextCommit) {
      failAfterNextCommit = false;
      throw new IllegalStateException("connection reset after commit");
    }
    return new Committed(expected, List.of(), committed);
  }

  private void hold() {
    var latch = holdNextAppend;
    if (latch != null) {
      holdNextAppend = null;
      appendHeld.countDown();
      try {
        latch.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The history as it is now, copied under the log's lock (rooms append on their threads). */
  synchronized List<Update> committed() {
    return List.copyOf(history);
  }

  /** What another node commits behind this one's back. */
  synchronized void commitElsewhere(Update update) {
    history.add(update);
    notifyAll();
  }

  private static org.codeshare.rooms.entity.Room lockedRoom() {
    var room =
        new org.codeshare.rooms.entity.Room(
            "lockedroom", "t", org.codeshare.rooms.entity.Language.JAVA, java.time.Instant.now());
    room.lock(true, java.time.Instant.now());
    return room;
  }
}
