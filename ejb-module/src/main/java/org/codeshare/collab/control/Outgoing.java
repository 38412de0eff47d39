package org.codeshare.collab.control;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.collab.entity.Update;

/**
 * A room's committed updates on their way to its sockets. In a quiet room each commit goes out at
 * once; in a busy one the commits of one tick go out together, as one {@code updates} frame per
 * socket, written once. The tick grows with the room so that the frames a room sends per second
 * stay under {@code codeshare.collab.fanout-frames-per-second}: {@code sockets / that} seconds, for
 * example 2 ms for 100 sockets at 50,000. Runs on the room's actor, like the room.
 */
final class Outgoing {

  private final Members members;
  private final int framesPerSecond;
  private final LongConsumer flushIn;

  private long from;
  private List<Update> pending = new ArrayList<>();
  private boolean scheduled;
  private long lastSent = System.nanoTime() - 1_000_000_000L;

  /**
   * @param flushIn schedules {@link #flush()} on the room's actor after the given nanoseconds
   */
  Outgoing(Members members, int framesPerSecond, LongConsumer flushIn) {
    this.members = members;
    this.framesPerSecond = Math.max(1, framesPerSecond);
    this.flushIn = flushIn;
  }

  /** Updates {@code from + 1} onwards, just accepted: sent now or with the tick's others. */
  void add(long from, List<Update> updates) {
    if (pending.isEmpty()) {
      this.from = from;
    }
    pending.addAll(updates);
    if (scheduled) {
      return;
    }
    long tick = members.size() * 1_000_000_000L / framesPerSecond;
    long wait = lastSent + tick - System.nanoTime();
    if (wait <= 0) {
      flush();
    } else {
      scheduled = true;
      flushIn.accept(wait);
    }
  }

  /**
   * Sends what is pending. Called before anything that tells a socket the room's version (a {@code
   * hello}, a pull's answer), so that no socket is sent an update twice or out of order.
   */
  void flush() {
    scheduled = false;
    if (pending.isEmpty()) {
      return;
    }
    var frame = ServerMessages.updates(from, pending);
    pending = new ArrayList<>();
    lastSent = System.nanoTime();
    members.broadcast(frame);
  }

  /** The room closed: nothing more goes out. */
  void clear() {
    pending = new ArrayList<>();
  }
}
