package org.codeshare.lifecycle.boundary;

import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The drain's log lines, also when the JVM stops on a signal: then the JDK's own shutdown hook
 * resets {@code java.util.logging} (every handler taken off every logger) while the drain is still
 * running in the container's hook, and the lines would go nowhere. The handlers the root logger had
 * when the application started are kept, and a line that no handler would take any more is
 * published to them. A console handler still writes after the reset: it only flushes when closed.
 */
final class ShutdownLog {

  private final Logger log;
  private final Handler[] started;

  ShutdownLog(Logger log, Handler... started) {
    this.log = log;
    this.started = started.clone();
  }

  /** With the handlers the root logger has now. */
  static ShutdownLog of(Logger log) {
    return new ShutdownLog(log, Logger.getLogger("").getHandlers());
  }

  /** A structured line: {@code fields} become the line's fields. */
  void log(Level level, String message, Map<String, ?> fields) {
    var record = record(level, message);
    record.setParameters(new Object[] {fields});
    publish(record);
  }

  void log(Level level, String message, Throwable failure) {
    var record = record(level, message);
    record.setThrown(failure);
    publish(record);
  }

  private LogRecord record(Level level, String message) {
    var record = new LogRecord(level, message);
    record.setLoggerName(log.getName());
    record.setSourceClassName(log.getName());
    return record;
  }

  private void publish(LogRecord record) {
    if (!log.isLoggable(record.getLevel())) {
      return;
    }
    if (handled(log)) {
      log.log(record);
      return;
    }
    for (var handler : started) {
      handler.publish(record);
      handler.flush();
    }
  }

  /** Whether a handler on the logger or a parent it passes records to would take the record. */
  private static boolean handled(Logger logger) {
    for (var current = logger; current != null; current = current.getParent()) {
      if (current.getHandlers().length > 0) {
        return true;
      }
      if (!current.getUseParentHandlers()) {
        return false;
      }
    }
    return false;
  }
}
