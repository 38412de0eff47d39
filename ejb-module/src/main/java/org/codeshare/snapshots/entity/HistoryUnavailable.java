package org.codeshare.snapshots.entity;

import java.util.Map;
import org.codeshare.problems.entity.ProblemException;

/** The snapshot store or the room cannot serve the request now; the caller may retry. */
public class HistoryUnavailable extends ProblemException {

  public HistoryUnavailable(String detail) {
    super(503, "history-unavailable", "History temporarily unavailable", detail);
  }

  @Override
  public Map<String, String> headers() {
    return Map.of("Retry-After", "5");
  }
}
