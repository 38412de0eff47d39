package org.codeshare.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The relay publishes in batches until the outbox is empty, and not at all once stopping. */
class OutboxRelayTest {

  private final AtomicInteger rounds = new AtomicInteger();
  private final AtomicInteger pruned = new AtomicInteger();
  private final OutboxRelay relay = new OutboxRelay();

  OutboxRelayTest() {
    relay.batchSize = 10;
    relay.interval = Duration.ofSeconds(1);
    relay.maxBackoff = Duration.ofSeconds(30);
    relay.retention = Duration.ofDays(7);
    relay.producer =
        new EventProducer() {
          @Override
          public boolean configured() {
            return true;
          }
        };
    relay.batch =
        new OutboxBatch() {
          @Override
          public Round publish(int limit) {
            // two full batches, then the rest
            return new Round(rounds.incrementAndGet() < 3 ? limit : 4, false);
          }

          @Override
          public int prune(Instant before, boolean includeUnpublished) {
            pruned.incrementAndGet();
            return 0;
          }
        };
  }

  @Test
  void aRoundPublishesUntilABatchIsNotFull() {
    relay.relay();

    assertThat(rounds).hasValue(3);
    assertThat(pruned).hasValue(1);
  }

  @Test
  void aStoppingApplicationRunsNoRound() {
    relay.stop();

    relay.relay();
    relay.tick();

    assertThat(rounds).hasValue(0);
    assertThat(pruned).hasValue(0);
  }
}
