package org.codeshare.platform.control;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Request ids tie a response to log lines. A caller's (or proxy's) {@code X-Request-Id} is kept
 * when it is safe to log and echo; anything else is replaced by a fresh UUID.
 */
public final class RequestIds {

  public static final String HEADER = "X-Request-Id";
  public static final String ATTRIBUTE = "codeshare.request-id";
  private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private RequestIds() {}

  public static boolean isWellFormed(String id) {
    return id != null && WELL_FORMED.matcher(id).matches();
  }

  public static String acceptOrGenerate(String id) {
    return isWellFormed(id) ? id : UUID.randomUUID().toString();
  }
}
