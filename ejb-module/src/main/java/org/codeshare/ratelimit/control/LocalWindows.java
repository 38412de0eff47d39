package org.codeshare.ratelimit.control;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.codeshare.ratelimit.entity.Decision;

/**
 * Fixed windows counted in this JVM, for a node without Redis or while Redis fails. Memory stays
 * bounded: expired windows are swept out, and beyond {@code maxKeys} live windows a new key is let
 * through uncounted rather than growing the map.
 */
class LocalWindows {

  private static final long SWEEP_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

  private record Window(long resetAtNanos, long count) {}

  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int maxKeys;
  private final LongSupplier nanoTime;
  private final AtomicLong nextSweep;

  LocalWindows(int maxKeys, LongSupplier nanoTime) {
    this.maxKeys = maxKeys;
    this.nanoTime = nanoTime;
    this.nextSweep = new AtomicLong(nanoTime.getAsLong() + SWEEP_INTERVAL_NANOS);
  }

  Decision acquire(String key, int limit, Duration window) {
    var now = nanoTime.getAsLong();
    sweepIfDue(now);
    if (windows.size() >= maxKeys && !windows.containsKey(key)) {
      sweep(now);
      if (windows.size() >= maxKeys) {
        return Decision.of(limit, 1, window.toMillis());
      }
    }
    var current =
        windows.compute(
            key,
            (k, open) ->
                open == null || open.resetAtNanos() - now <= 0
                    ? new Window(now + window.toNanos(), 1)
                    : new Window(open.resetAtNanos(), open.count() + 1));
    return Decision.of(limit, current.count(), (current.resetAtNanos() - now) / 1_000_000);
  }

  int size() {
    return windows.size();
  }

  private void sweepIfDue(long now) {
    var due = nextSweep.get();
    if (now - due >= 0 && nextSweep.compareAndSet(due, now + SWEEP_INTERVAL_NANOS)) {
      sweep(now);
    }
  }

  private void sweep(long now) {
    windows.values().removeIf(window -> window.resetAtNanos() - now <= 0);
  }
}
