package org.codeshare.it.micro;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;

/**
 * An editor typing random edits at a steady pace on a thread of its own, who moves to another node,
 * by the reconnect rule, when its connection dies. Like CodeMirror's collab clients it has one push
 * in flight at a time (another goes out once that one is answered, or after a while without an
 * answer), so a busy server is not flooded. Read its state only after it stopped.
 */
final class Typist {

  private static final Duration PACE = Duration.ofMillis(200);
  private static final Duration DRAIN = Duration.ofMinutes(1);
  private static final Duration UNANSWERED = Duration.ofSeconds(2);

  final CollabEditor editor;
  final String name;
  private final EditorRooms fallback;
  private final EditorRooms.Room room;
  private final Random random;
  private int answeredAt;
  private int errorsAt;
  private long pushedAt;

  /** Confirmed edits so far, readable while typing. */
  volatile int progress;

  /** How many times it moved to the fallback node, and its confirmations when it last did. */
  volatile int reconnects;

  volatile int confirmedOnReconnect;

  /** What it is doing, for a test that waits on it in vain. */
  volatile String phase = "typing";

  @Override
  public String toString() {
    return name
        + " ["
        + phase
        + ", "
        + progress
        + " confirmed, "
        + reconnects
        + " reconnects, version "
        + editor.version
        + ", "
        + editor.errors.size()
        + " errors, last "
        + (editor.errors.isEmpty() ? "none" : editor.errors.get(editor.errors.size() - 1))
        + "]";
  }

  Typist(EditorRooms node, EditorRooms fallback, EditorRooms.Room room, String name, int seed) {
    this.name = name;
    this.fallback = fallback;
    this.room = room;
    this.random = new Random(seed);
    this.editor = new CollabEditor(node.guest(room, name), "client-" + seed);
  }

  /** Types until {@code stop}, then waits until every edit is confirmed. */
  Void type(AtomicBoolean stop) {
    long next = System.nanoTime();
    while (!stop.get()) {
      if (editor.client.isClosed()) {
        moveToFallback();
        continue;
      }
      while (System.nanoTime() < next && !editor.client.isClosed()) {
        editor.process(Duration.ofNanos(Math.max(1, next - System.nanoTime())));
      }
      for (int edit = 1 + random.nextInt(2); edit > 0; edit--) {
        editor.randomEdit(random);
      }
      if (lastPushAnswered()) {
        pushUnlessGone();
      }
      progress = editor.confirmed.size();
      next = System.nanoTime() + PACE.toNanos();
    }
    phase = "draining";
    long deadline = System.nanoTime() + DRAIN.toNanos();
    while (!editor.unconfirmed.isEmpty() && System.nanoTime() < deadline) {
      if (editor.client.isClosed()) {
        moveToFallback();
      } else if (!editor.process(Duration.ofMillis(100)) && lastPushAnswered()) {
        pushUnlessGone(); // again, as after a refusal (client-id-taken while the old node expires)
      }
    }
    progress = editor.confirmed.size();
    phase = "done";
    return null;
  }

  /** An edit made while offline, then a new connection to the other node, by the rule. */
  private void moveToFallback() {
    var old = editor.client;
    phase = "reconnecting";
    editor.randomEdit(random);
    editor.reconnect(fallback.guest(room, name));
    answeredAt = editor.confirmed.size() + editor.unconfirmed.size(); // reconnect pushed them
    errorsAt = editor.errors.size();
    pushedAt = System.nanoTime();
    old.close();
    reconnects++;
    confirmedOnReconnect = editor.confirmed.size();
    phase = "typing";
  }

  /** All updates of the last push confirmed, an error since, or no answer for a while. */
  private boolean lastPushAnswered() {
    return editor.confirmed.size() >= answeredAt
        || editor.errors.size() > errorsAt
        || System.nanoTime() - pushedAt > UNANSWERED.toNanos();
  }

  private void pushUnlessGone() {
    answeredAt = editor.confirmed.size() + editor.unconfirmed.size();
    errorsAt = editor.errors.size();
    pushedAt = System.nanoTime();
    try {
      editor.push();
    } catch (RuntimeException socketDied) {
      // noticed on the next round, which reconnects
    }
  }
}
