package org.codeshare.ratelimit.entity;

import java.util.LinkedHashMap;
import java.util.Map;
import org.codeshare.problems.entity.ProblemException;

/** Too many requests: answered 429 with {@code Retry-After} and the window's headers. */
public class RateLimited extends ProblemException {

  private final Map<String, String> headers;

  public RateLimited(Decision decision) {
    super(
        429,
        "rate-limited",
        "Too Many Requests",
        "Too many requests. Try again in " + decision.retryAfterSeconds() + " seconds.");
    var headers = new LinkedHashMap<>(decision.headers());
    headers.put("Retry-After", Long.toString(decision.retryAfterSeconds()));
    this.headers = Map.copyOf(headers);
  }

  @Override
  public Map<String, String> headers() {
    return headers;
  }
}
