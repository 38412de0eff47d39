package org.codeshare.ratelimit.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of one request against a rate limit window: whether it may proceed, the window's
 * limit, how many requests are left in it and how many seconds remain until it resets.
 */
public record Decision(boolean allowed, int limit, int remaining, long resetSeconds) {

  public static Decision of(int limit, long count, long millisUntilReset) {
    var remaining = (int) Math.max(0, Math.min(limit, limit - count));
    var resetSeconds = Math.max(1, (millisUntilReset + 999) / 1000);
    return new Decision(count <= limit, limit, remaining, resetSeconds);
  }

  /** How long a rejected caller should wait; 0 when the request was allowed. */
  public long retryAfterSeconds() {
    return allowed ? 0 : resetSeconds;
  }

  /** The IETF draft {@code RateLimit-*} response headers describing this window. */
  public Map<String, String> headers() {
    var headers = new LinkedHashMap<String, String>();
    headers.put("RateLimit-Limit", Integer.toString(limit));
    headers.put("RateLimit-Remaining", Integer.toString(remaining));
    headers.put("RateLimit-Reset", Long.toString(resetSeconds));
    return headers;
  }
}
