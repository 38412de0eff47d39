package org.codeshare.collab.boundary;

/**
 * Messages per second on one connection, as a token bucket holding one second's worth. A client
 * that keeps sending into an empty bucket for five seconds' worth of messages is cut off.
 */
final class RateLimit {

  enum Outcome {
    TAKEN,
    REFUSED_FIRST,
    REFUSED,
    ABUSED
  }

  private final int perSecond;
  private double tokens;
  private long last = System.nanoTime();
  private int refusedInARow;

  RateLimit(int perSecond) {
    this.perSecond = Math.max(1, perSecond);
    this.tokens = this.perSecond;
  }

  synchronized Outcome take() {
    var now = System.nanoTime();
    tokens = Math.min(perSecond, tokens + (now - last) / 1e9 * perSecond);
    last = now;
    if (tokens >= 1) {
      tokens -= 1;
      refusedInARow = 0;
      return Outcome.TAKEN;
    }
    refusedInARow++;
    if (refusedInARow > 5 * perSecond) {
      return Outcome.ABUSED;
    }
    return refusedInARow == 1 ? Outcome.REFUSED_FIRST : Outcome.REFUSED;
  }
}
