package org.codeshare.events.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A committed transaction that wrote an event asks the {@link OutboxRelay} for a round soon; the
 * nudges of {@code codeshare.outbox.nudge-delay} are served by one round, so busy editing sends
 * batches. A plain bean: every commit fires one, and only the first of a window reaches the relay.
 */
@ApplicationScoped
public class OutboxNudges {

  @Inject OutboxRelay relay;
  @Inject EventProducer producer;
  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.nudge-delay", defaultValue = "PT0.05S")
  Duration nudgeDelay;

  private final AtomicBoolean scheduled = new AtomicBoolean();

  void nudge(@Observes(during = TransactionPhase.AFTER_SUCCESS) Outbox.OutboxWritten written) {
    if (producer.configured() && scheduled.compareAndSet(false, true)) {
      scheduler.schedule(
          () -> {
            scheduled.set(false);
            relay.relay();
          },
          Math.max(0, nudgeDelay.toMillis()),
          TimeUnit.MILLISECONDS);
    }
  }
}
