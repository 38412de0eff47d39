package org.codeshare.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * What happened to every edit: when it was typed and first pushed, when its author got the
 * confirmation, and when each other author in the room received it. Edit {@code (author, seq)} is
 * the {@code seq}-th edit typed by {@code author}; all times are {@link System#nanoTime()} of this
 * one JVM.
 */
final class Recorder {

  final int authors;
  final int capacity;
  private final AtomicLongArray typed;
  private final AtomicLongArray sent;
  private final AtomicIntegerArray received;
  private final AtomicLongArray lastArrival;
  final Histogram delivery = new Histogram();
  final Histogram deliveryFromSend = new Histogram();
  final Histogram confirmation = new Histogram();
  final Histogram ping = new Histogram();
  final CursorProbe cursors;
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  /**
   * @param cursorCapacity how many cursor moves each author may send (0 without {@code --cursor})
   */
  Recorder(int authors, int capacity, int cursorCapacity) {
    this.authors = authors;
    this.capacity = capacity;
    int size = Math.multiplyExact(authors, capacity);
    typed = new AtomicLongArray(size);
    sent = new AtomicLongArray(size);
    received = new AtomicIntegerArray(size);
    lastArrival = new AtomicLongArray(size);
    cursors = new CursorProbe(authors, cursorCapacity);
  }

  boolean hasRoom(int seq) {
    return seq < capacity;
  }

  void typed(int author, int seq, long now) {
    typed.set(author * capacity + seq, now);
  }

  void sent(int author, int seq, long now) {
    sent.set(author * capacity + seq, now);
  }

  void confirmed(int author, int seq, long now) {
    confirmation.record(now - typed.get(author * capacity + seq));
  }

  void delivered(int author, int seq, long now) {
    if (seq >= capacity) {
      error("unexpected-edit");
      return;
    }
    int i = author * capacity + seq;
    delivery.record(now - typed.get(i));
    deliveryFromSend.record(now - sent.get(i));
    received.incrementAndGet(i);
    lastArrival.accumulateAndGet(i, now, Math::max);
  }

  int receivedBy(int author, int seq) {
    return received.get(author * capacity + seq);
  }

  long typedAt(int author, int seq) {
    return typed.get(author * capacity + seq);
  }

  /** From typing to the moment the last other author had it, for a fully delivered edit. */
  long fanOutNanos(int author, int seq) {
    int i = author * capacity + seq;
    return lastArrival.get(i) - typed.get(i);
  }

  void error(String code) {
    errors.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  Map<String, Long> errors() {
    var copy = new TreeMap<String, Long>();
    errors.forEach((code, n) -> copy.put(code, n.sum()));
    return copy;
  }
}
