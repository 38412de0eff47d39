package org.codeshare.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A concurrent latency histogram in microseconds: exact below 1,024 µs, then 512 buckets per power
 * of two (under 0.2 % error), up to about 19 hours.
 */
final class Histogram {

  private static final int LINEAR = 1024;
  private static final int PER_OCTAVE = 512;
  private final AtomicLongArray buckets = new AtomicLongArray(LINEAR + 40 * PER_OCTAVE);
  private final AtomicLong count = new AtomicLong();
  private final AtomicLong max = new AtomicLong();

  void record(long nanos) {
    long micros = Math.max(0, nanos / 1000);
    buckets.incrementAndGet(index(micros));
    count.incrementAndGet();
    max.accumulateAndGet(nanos, Math::max);
  }

  long count() {
    return count.get();
  }

  long maxNanos() {
    return max.get();
  }

  /** The latency below which {@code q} of the samples lie, in nanoseconds (0 when empty). */
  long percentileNanos(double q) {
    long total = count.get();
    if (total == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(q * total);
    long seen = 0;
    for (int i = 0; i < buckets.length(); i++) {
      seen += buckets.get(i);
      if (seen >= rank) {
        return Math.min(upper(i) * 1000, max.get());
      }
    }
    return max.get();
  }

  private static int index(long micros) {
    if (micros < LINEAR) {
      return (int) micros;
    }
    int octave = 63 - Long.numberOfLeadingZeros(micros); // >= 10
    int shift = octave - 9;
    int mantissa = (int) (micros >>> shift) - PER_OCTAVE; // 0..511
    return Math.min(LINEAR + (octave - 10) * PER_OCTAVE + mantissa, LINEAR + 40 * PER_OCTAVE - 1);
  }

  /** The largest value in bucket {@code i}, in microseconds. */
  private static long upper(int i) {
    if (i < LINEAR) {
      return i;
    }
    int octave = (i - LINEAR) / PER_OCTAVE + 10;
    int mantissa = (i - LINEAR) % PER_OCTAVE + PER_OCTAVE;
    int shift = octave - 9;
    return ((long) (mantissa + 1) << shift) - 1;
  }
}
