package org.codeshare.platform.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * One access log line. Its fields become JSON properties with Payara's JSON log formatter (a {@code
 * Map} log parameter); the path never carries the query string, so tickets stay out.
 */
public record AccessLogEntry(
    String method, String path, int status, long nanos, String requestId, String userId) {

  private static final Pattern ROOM = Pattern.compile("^/(?:api/rooms|ws/editor)/([^/]+)");

  /** Probes, metrics and static files: logged at FINE only. */
  public boolean routine() {
    return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/ws/"));
  }

  public String message() {
    return method + " " + path + " " + status;
  }

  public Map<String, Object> fields() {
    var fields = new LinkedHashMap<String, Object>();
    fields.put("event", "http");
    fields.put("method", method);
    fields.put("path", path);
    fields.put("status", status);
    fields.put("durationMs", TimeUnit.NANOSECONDS.toMillis(nanos));
    if (requestId != null) {
      fields.put("requestId", requestId);
    }
    if (userId != null) {
      fields.put("userId", userId);
    }
    var room = ROOM.matcher(path);
    if (room.find()) {
      fields.put("room", room.group(1));
    }
    return fields;
  }
}
