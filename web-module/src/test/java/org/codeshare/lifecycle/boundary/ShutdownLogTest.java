package org.codeshare.lifecycle.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShutdownLogTest {

  /** A logger of its own that does not pass records to the root logger: as after the reset. */
  private final Logger logger = Logger.getLogger(ShutdownLogTest.class.getName() + ".drain");

  private final Collected configured = new Collected();
  private final Collected current = new Collected();

  @AfterEach
  void restore() {
    logger.removeHandler(current);
    logger.setUseParentHandlers(true);
  }

  @Test
  void whileLoggingIsConfiguredALineGoesThroughTheLogger() {
    logger.setUseParentHandlers(false);
    logger.addHandler(current);
    var log = new ShutdownLog(logger, configured);

    log.log(Level.INFO, "drained", Map.of("event", "drain-finished", "socketsClosed", 3));

    assertThat(current.records).hasSize(1);
    assertThat(configured.records).isEmpty();
    var record = current.records.get(0);
    assertThat(record.getMessage()).isEqualTo("drained");
    assertThat(record.getLoggerName()).isEqualTo(logger.getName());
    assertThat(record.getParameters())
        .containsExactly(Map.of("event", "drain-finished", "socketsClosed", 3));
  }

  @Test
  void afterTheJvmResetLoggingALineGoesToTheHandlersLoggingHadAtStart() {
    logger.setUseParentHandlers(false); // no handler anywhere: what LogManager.reset leaves
    var log = new ShutdownLog(logger, configured);

    log.log(Level.INFO, "drained", Map.of("event", "drain-finished"));
    log.log(Level.WARNING, "waiting for commits failed", new IllegalStateException("boom"));

    assertThat(configured.records)
        .extracting(LogRecord::getMessage)
        .containsExactly("drained", "waiting for commits failed");
    assertThat(configured.records.get(1).getThrown()).hasMessage("boom");
    assertThat(configured.flushes).isEqualTo(2);
  }

  @Test
  void aLineBelowTheLoggersLevelGoesNowhere() {
    logger.setUseParentHandlers(false);
    logger.setLevel(Level.WARNING);
    try {
      new ShutdownLog(logger, configured).log(Level.INFO, "drained", Map.of());
    } finally {
      logger.setLevel(null);
    }

    assertThat(configured.records).isEmpty();
  }

  @Test
  void theHandlersAreTakenFromTheRootLoggerAsTheyAreWhenMade() {
    var root = Logger.getLogger("");
    root.addHandler(configured);
    ShutdownLog log;
    try {
      log = ShutdownLog.of(logger);
    } finally {
      root.removeHandler(configured);
    }
    logger.setUseParentHandlers(false);

    log.log(Level.INFO, "drained", Map.of());

    assertThat(configured.records).hasSize(1);
  }

  private static final class Collected extends Handler {
    final List<LogRecord> records = new ArrayList<>();
    int flushes;

    @Override
    public void publish(LogRecord record) {
      records.add(record);
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {}
  }
}
