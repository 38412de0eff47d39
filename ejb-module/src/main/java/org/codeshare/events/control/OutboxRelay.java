package org.codeshare.events.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.lifecycle.entity.NodeDraining;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes the outbox to Kafka: on a timer ({@code codeshare.outbox.relay-interval}) and right
 * after any transaction that wrote an event. After a failure it backs off, doubling up to {@code
 * codeshare.outbox.max-backoff}; events wait in the table meanwhile. Old events are pruned after
 * {@code codeshare.outbox.retention}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  public static final String BACKLOG = "codeshare_outbox_backlog";

  @Resource TimerService timers;
  @Resource ManagedScheduledExecutorService scheduler;
  @Inject OutboxBatch batch;
  @Inject EventProducer producer;
  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.relay-interval", defaultValue = "PT1S")
  Duration interval;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.nudge-delay", defaultValue = "PT0.05S")
  Duration nudgeDelay;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.max-backoff", defaultValue = "PT30S")
  Duration maxBackoff;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.retention", defaultValue = "P7D")
  Duration retention;

  Clock clock = Clock.systemUTC();

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final AtomicLong backlog = new AtomicLong();
  private volatile Instant pausedUntil = Instant.EPOCH;
  private volatile Duration backoff = Duration.ZERO;
  private volatile Instant nextPrune = Instant.EPOCH;

  @PostConstruct
  void start() {
    long millis = Math.max(100, interval.toMillis());
    timers.createIntervalTimer(millis, millis, new TimerConfig("outbox relay", false));
    registry.gauge(
        org.eclipse.microprofile.metrics.Metadata.builder()
            .withName(BACKLOG)
            .withDescription("Events in the outbox not yet published to Kafka")
            .build(),
        backlog,
        AtomicLong::get);
  }

  @Timeout
  void tick() {
    relay();
    try {
      backlog.set(batch.backlog());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot count the outbox", e);
    }
  }

  /**
   * A committed transaction that wrote an event asks for a round soon; the nudges of {@code
   * codeshare.outbox.nudge-delay} are served by one round, so busy editing sends batches.
   */
  public void nudge(
      @Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
    if (producer.configured() && scheduled.compareAndSet(false, true)) {
      scheduler.schedule(
          () -> {
            scheduled.set(false);
            relay();
          },
          Math.max(0, nudgeDelay.toMillis()),
          TimeUnit.MILLISECONDS);
    }
  }

  /** The node is stopping: what is in the outbox goes to Kafka now, not after the restart. */
  public void onDraining(@Observes NodeDraining draining) {
    relay();
  }

  /** Publishes until the outbox is empty or Kafka fails; one round at a time on this node. */
  public void relay() {
    if (!running.compareAndSet(false, true)) {
      again.set(true);
      return;
    }
    try {
      do {
        again.set(false);
        if (producer.configured() && !clock.instant().isBefore(pausedUntil)) {
          drain();
        }
      } while (again.get() && clock.instant().isAfter(pausedUntil));
      prune();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox relay round failed", e);
    } finally {
      running.set(false);
    }
  }

  private void drain() {
    while (true) {
      var round = batch.publish(batchSize);
      if (round.failed()) {
        backoff =
            backoff.isZero()
                ? interval
                : (backoff.multipliedBy(2).compareTo(maxBackoff) > 0
                    ? maxBackoff
                    : backoff.multipliedBy(2));
        pausedUntil = clock.instant().plus(backoff);
        LOG.warning(() -> "Kafka unavailable; events stay in the outbox, retry in " + backoff);
        return;
      }
      backoff = Duration.ZERO;
      if (round.published() < batchSize) {
        return;
      }
    }
  }

  private void prune() {
    var now = clock.instant();
    if (now.isBefore(nextPrune)) {
      return;
    }
    nextPrune = now.plus(Duration.ofMinutes(10));
    int pruned = batch.prune(now.minus(retention), !producer.configured());
    if (pruned > 0) {
      LOG.info(() -> "pruned " + pruned + " events older than " + retention + " from the outbox");
    }
  }
}
