package org.codeshare.events.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.lifecycle.entity.NodeDraining;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes the outbox to Kafka: on a timer ({@code codeshare.outbox.relay-interval}) and soon
 * after any transaction that wrote an event ({@link OutboxNudges}). After a failure it backs off,
 * doubling up to {@code codeshare.outbox.max-backoff}; events wait in the table meanwhile. Old
 * events are pruned after {@code codeshare.outbox.retention}. Application-scoped for CDI too, so
 * that the event every commit fires reaches the one instance: a dependent-scoped session bean would
 * be looked up in JNDI for each of them.
 */
@Singleton
@ApplicationScoped
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class.getName());
  public static final String BACKLOG = "codeshare_outbox_backlog";

  @Resource TimerService timers;
  @Inject OutboxBatch batch;
  @Inject EventProducer producer;
  @Inject MetricRegistry registry;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.relay-interval", defaultValue = "PT1S")
  Duration interval;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.batch-size", defaultValue = "500")
  int batchSize;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.max-backoff", defaultValue = "PT30S")
  Duration maxBackoff;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.retention", defaultValue = "P7D")
  Duration retention;

  /**
   * The backlog gauge counts unpublished events up to this many: the count runs every relay
   * interval, and counting a table that grew for hours while Kafka was down would cost the database
   * more each time.
   */
  @Inject
  @ConfigProperty(name = "codeshare.outbox.backlog-count-limit", defaultValue = "100000")
  int backlogCountLimit;

  Clock clock = Clock.systemUTC();

  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();
  private final AtomicLong backlog = new AtomicLong();
  private volatile Instant pausedUntil = Instant.EPOCH;
  private volatile Duration backoff = Duration.ZERO;
  private volatile Instant nextPrune = Instant.EPOCH;
  private volatile boolean stopping;

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

  /**
   * The application is stopping: a nudge or tick that comes after this finds no round to run, and a
   * round under way ends after its batch, instead of asking the pool the container takes away. What
   * is left waits in the outbox for the next start.
   */
  @PreDestroy
  void stop() {
    stopping = true;
  }

  @Timeout
  void tick() {
    if (stopping) {
      return;
    }
    relay();
    if (!producer.configured()) {
      backlog.set(0); // events are kept, not waiting: there is no Kafka to publish them to
      return;
    }
    try {
      backlog.set(batch.backlog(Math.max(1, backlogCountLimit)));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "cannot count the outbox", e);
    }
  }

  /** What the backlog gauge reads. */
  long backlog() {
    return backlog.get();
  }

  /** The node is stopping: what is in the outbox goes to Kafka now, not after the restart. */
  public void onDraining(@Observes NodeDraining draining) {
    relay();
  }

  /** Publishes until the outbox is empty or Kafka fails; one round at a time on this node. */
  public void relay() {
    if (stopping) {
      return;
    }
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
      } while (again.get() && !stopping && clock.instant().isAfter(pausedUntil));
      if (!stopping) {
        prune();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "outbox relay round failed", e);
    } finally {
      running.set(false);
    }
  }

  private void drain() {
    while (!stopping) {
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
