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
  int appends;

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
    if (failNextSince) {
      failNextSince = false;
      throw new IllegalStateException("database down");
    }
    return List.copyOf(history.subList((int) version, history.size()));
  }

  @Override
  public synchronized Appended append(
      UUID roomId, long expected, List<Update> updates, UUID authorId, RoomRole role) {
    appends++;
    if (locked && !RoomAccess.canEdit(lockedRoom(), role)) {
      return new Refused(false);
    }
    var missed = since(roomId, expected);
    var committed = StepwiseRebase.rebase(updates, missed);
    history.addAll(committed);
    if (failAfterNextCommit) {
      failAfterNextCommit = false;
      throw new IllegalStateException("connection reset after commit");
    }
    return new Committed(expected, missed, committed);
  }

  /** What another node commits behind this one's back. */
  synchronized void commitElsewhere(Update update) {
    history.add(update);
  }

  private static org.codeshare.rooms.entity.Room lockedRoom() {
    var room =
        new org.codeshare.rooms.entity.Room(
            "lockedroom", "t", org.codeshare.rooms.entity.Language.JAVA, java.time.Instant.now());
    room.lock(true, java.time.Instant.now());
    return room;
  }
}
