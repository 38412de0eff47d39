package org.codeshare.collab.entity;

import static java.util.Objects.requireNonNull;

/** A client message the server refuses; {@code code} is what the {@code error} message carries. */
public class ProtocolError extends RuntimeException {

  public static final String MALFORMED = "malformed";
  public static final String UNSUPPORTED_VERSION = "unsupported-version";
  public static final String UNKNOWN_TYPE = "unknown-type";
  public static final String TOO_LARGE = "too-large";
  public static final String TOO_MANY_UPDATES = "too-many-updates";
  public static final String RATE_LIMITED = "rate-limited";
  public static final String INVALID_CHANGES = "invalid-changes";
  public static final String BAD_VERSION = "bad-version";
  public static final String DOC_TOO_LARGE = "doc-too-large";
  public static final String CLIENT_ID_TAKEN = "client-id-taken";
  public static final String FORBIDDEN = "forbidden";
  public static final String LOCKED = "locked";
  public static final String UNAVAILABLE = "unavailable";

  private final String code;

  public ProtocolError(String code, String message) {
    super(message, null, false, false);
    this.code = requireNonNull(code, "code");
  }

  public String code() {
    return code;
  }
}
