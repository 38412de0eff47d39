package org.codeshare.problems.entity;

import jakarta.ejb.ApplicationException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Map;

/**
 * A failure with a meaning for the caller. The web module renders it as RFC 9457 problem+json with
 * the stable {@link #type()}; the transaction it escapes from is rolled back.
 */
@ApplicationException(rollback = true)
public abstract class ProblemException extends WebApplicationException {

  public static final String TYPE_PREFIX = "urn:codeshare:problem:";

  private final String type;
  private final String title;

  protected ProblemException(int status, String type, String title, String detail) {
    super(detail, status);
    this.type = TYPE_PREFIX + type;
    this.title = title;
  }

  public String type() {
    return type;
  }

  public String title() {
    return title;
  }

  /** Response headers the problem carries, such as {@code Retry-After}; none by default. */
  public Map<String, String> headers() {
    return Map.of();
  }
}
