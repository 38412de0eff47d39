package org.codeshare.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Cursor moves as probes of the node's fan-out without the commit: a typist's {@code seq}-th move
 * carries {@code {anchor: author, head: seq}}, the node relays it through the room to every other
 * socket of the room (over the same actor, frames and sockets as an edit's update, but nothing is
 * rebased or written), and each recipient notes when it arrived. Compared with the edits' fan-out
 * in the same run, it tells how much of that is the commit and how much the way out.
 */
final class CursorProbe {

  private final int capacity;
  private final AtomicLongArray sent;
  private final AtomicIntegerArray received;
  private final AtomicLongArray lastArrival;
  private final AtomicIntegerArray count;

  CursorProbe(int authors, int capacity) {
    this.capacity = capacity;
    int size = Math.multiplyExact(authors, capacity);
    sent = new AtomicLongArray(size);
    received = new AtomicIntegerArray(size);
    lastArrival = new AtomicLongArray(size);
    count = new AtomicIntegerArray(authors);
  }

  /** The next move's number for {@code author}, or -1 when there is no room for another. */
  int next(int author, long now) {
    int seq = count.get(author);
    if (seq >= capacity) {
      return -1;
    }
    count.set(author, seq + 1);
    sent.set(author * capacity + seq, now);
    return seq;
  }

  /** A relayed move arrived at one recipient. */
  void arrived(long author, long seq, long now) {
    if (author < 0 || seq < 0 || seq >= capacity || author * capacity >= sent.length()) {
      return;
    }
    int i = (int) (author * capacity + seq);
    received.incrementAndGet(i);
    lastArrival.accumulateAndGet(i, now, Math::max);
  }

  /**
   * Records in {@code fanOut} the fan-out of every move sent by {@code senders}: sent → the last of
   * its {@code recipients} had it. Returns how many moves did not reach all of them.
   */
  long fanOut(List<Author> senders, int recipients, Histogram fanOut) {
    long incomplete = 0;
    for (var author : senders) {
      for (int seq = 0; seq < count.get(author.index); seq++) {
        int i = author.index * capacity + seq;
        if (received.get(i) == recipients) {
          fanOut.record(lastArrival.get(i) - sent.get(i));
        } else {
          incomplete++;
        }
      }
    }
    return incomplete;
  }
}
