package org.codeshare.testing.editor;

import java.util.ArrayDeque;

/**
 * The newest things an editor sent and received, one line each, for failure messages: which version
 * each push was made on, what each {@code updates} message carried and where it left the editor,
 * reconnects and errors.
 */
final class EditorTrace {

  private static final int KEEP = 2000;

  private final ArrayDeque<String> lines = new ArrayDeque<>();
  private final long started = System.nanoTime();

  synchronized void add(String line) {
    if (lines.size() == KEEP) {
      lines.removeFirst();
    }
    lines.addLast((System.nanoTime() - started) / 1_000_000 + " ms " + line);
  }

  @Override
  public synchronized String toString() {
    return String.join("\n", lines);
  }
}
