package org.codeshare.collab.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.codeshare.collab.entity.Update;

/**
 * A loaded room's newest updates, at most {@code codeshare.collab.history-window} of them, so that
 * pulls and stale pushes are answered from memory.
 */
final class RecentUpdates {

  private final ArrayDeque<Update> updates = new ArrayDeque<>();
  private final int window;

  RecentUpdates(int window) {
    this.window = window;
  }

  void add(List<Update> newest) {
    updates.addAll(newest);
    while (updates.size() > window) {
      updates.removeFirst();
    }
  }

  /** The newest {@code count} updates, oldest first; null when fewer are kept. */
  List<Update> newest(int count) {
    if (count > updates.size()) {
      return null;
    }
    var newest = new ArrayList<Update>(count);
    var newestFirst = updates.descendingIterator();
    for (int i = 0; i < count; i++) {
      newest.add(newestFirst.next());
    }
    Collections.reverse(newest);
    return Collections.unmodifiableList(newest);
  }
}
