package org.codeshare.collab.control;

import java.util.List;
import org.codeshare.collab.entity.Update;

/**
 * What the pushes of one commit missed, read once for all of them: the room's history since the
 * oldest version among them. A room that fell behind commits hundreds of pushes at a time, each
 * made hundreds or thousands of updates ago, beyond what it keeps in memory; read push by push, the
 * same rows came from the database once per push.
 */
final class BatchHistory {

  private final LiveRoom room;
  private final long from;
  private final List<Update> updates;

  private BatchHistory(LiveRoom room, long from, List<Update> updates) {
    this.room = room;
    this.from = from;
    this.updates = updates;
  }

  /**
   * The history since the oldest of {@code versions}; if that cannot be read (compacted away, or
   * the database failing), each push reads its own and meets the failure itself.
   */
  static BatchHistory since(LiveRoom room, List<Long> versions) {
    long oldest = versions.stream().mapToLong(Long::longValue).min().orElse(room.version());
    if (oldest < 0 || oldest > room.version()) {
      return new BatchHistory(room, oldest, null);
    }
    try {
      return new BatchHistory(room, oldest, room.roomHistory().since(oldest));
    } catch (RuntimeException e) {
      return new BatchHistory(room, oldest, null);
    }
  }

  /** {@link LiveRoom#history}: the updates after {@code version}. */
  List<Update> after(long version) {
    if (updates != null && version >= from && version - from <= updates.size()) {
      return updates.subList((int) (version - from), updates.size());
    }
    return room.roomHistory().since(version);
  }
}
