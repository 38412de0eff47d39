package org.codeshare.collab.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.codeshare.collab.entity.Update;

/**
 * A loaded room's text: the authoritative document, its version and its newest updates, at most
 * {@code codeshare.collab.history-window} of them, so that pulls and stale pushes are answered from
 * memory. Used on the room's actor only, like the room.
 */
final class RoomText {

  private final ArrayDeque<Update> recent = new ArrayDeque<>();
  private final int window;
  private String doc = "";
  private long version;
  private boolean loaded;

  RoomText(int window) {
    this.window = window;
  }

  boolean loaded() {
    return loaded;
  }

  String doc() {
    return doc;
  }

  long version() {
    return version;
  }

  /** The text as the database has it: the document at {@code version} and its newest updates. */
  void load(String doc, long version, List<Update> newest) {
    this.doc = doc;
    this.version = version;
    recent.clear();
    keep(newest);
    loaded = true;
  }

  /** Takes committed updates, {@code newDoc} being the document after them. */
  void take(List<Update> updates, String newDoc) {
    doc = newDoc;
    version += updates.size();
    keep(updates);
  }

  /** The document after {@code updates}, which follow the current version. */
  String after(List<Update> updates) {
    var next = doc;
    for (var update : updates) {
      next = update.changes().apply(next);
    }
    return next;
  }

  /** Updates {@code from + 1} to the current version, oldest first; null when not all are kept. */
  List<Update> since(long from) {
    long count = version - from;
    if (count > recent.size()) {
      return null;
    }
    var newest = new ArrayList<Update>((int) count);
    var newestFirst = recent.descendingIterator();
    for (long i = 0; i < count; i++) {
      newest.add(newestFirst.next());
    }
    Collections.reverse(newest);
    return Collections.unmodifiableList(newest);
  }

  private void keep(List<Update> newest) {
    recent.addAll(newest);
    while (recent.size() > window) {
      recent.removeFirst();
    }
  }
}
