package org.codeshare.collab.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.DocumentBuffer;
import org.codeshare.collab.entity.Update;

/**
 * A loaded room's text: the authoritative document, its version and its newest updates, at most
 * {@code codeshare.collab.history-window} of them, so that pulls and stale pushes are answered from
 * memory. The document is a {@link DocumentBuffer}: commits change it in place, and the text is
 * made as a string only when asked for. Used on the room's actor only, like the room.
 */
final class RoomText {

  private final ArrayDeque<Update> recent = new ArrayDeque<>();
  private final int window;
  private DocumentBuffer doc = new DocumentBuffer("");
  private long version;
  private boolean loaded;

  RoomText(int window) {
    this.window = window;
  }

  boolean loaded() {
    return loaded;
  }

  String doc() {
    return doc.text();
  }

  int length() {
    return doc.length();
  }

  /**
   * The text for a snapshot. The buffer's arrays are let go meanwhile: a busy room makes them again
   * at its next commit, once per snapshot round, and a room that stopped editing holds its text
   * once.
   */
  String settledDoc() {
    doc.release();
    return doc.text();
  }

  long version() {
    return version;
  }

  /** The text as the database has it: the document at {@code version} and its newest updates. */
  void load(String doc, long version, List<Update> newest) {
    this.doc = new DocumentBuffer(doc);
    this.version = version;
    recent.clear();
    keep(newest);
    loaded = true;
  }

  /**
   * Takes committed updates, which follow the current version; {@code changes} is them composed
   * ({@link #composed}).
   */
  void take(List<Update> updates, ChangeSet changes) {
    doc.apply(changes);
    version += updates.size();
    keep(updates);
  }

  /** {@code updates} composed into one change of a document of {@code length}. */
  static ChangeSet composed(int length, List<Update> updates) {
    var changes = ChangeSet.empty(length);
    for (var update : updates) {
      changes = changes.compose(update.changes());
    }
    return changes;
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
