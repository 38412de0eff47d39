package org.codeshare.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The relay publishes in batches until the outbox is empty, and not at all once stopping; its
 * backlog gauge counts up to its limit, and without Kafka counts nothing.
 */
class OutboxRelayTest {

  private final AtomicInteger rounds = new AtomicInteger();
  private final AtomicInteger pruned = new AtomicInteger();
  private final AtomicInteger countedUpTo = new AtomicInteger();
  private final AtomicBoolean kafka = new AtomicBoolean(true);
  private final OutboxRelay relay = new OutboxRelay();

  OutboxRelayTest() {
    relay.batchSize = 10;
    relay.interval = Duration.ofSeconds(1);
    relay.maxBackoff = Duration.ofSeconds(30);
    relay.retention = Duration.ofDays(7);
    relay.backlogCountLimit = 250;
    relay.producer =
        new EventProducer() {
          @Override
          public boolean configured() {
            return kafka.get();
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
          public long backlog(int limit) {
            countedUpTo.set(limit);
            return 42;
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

  @Test
  void theBacklogIsCountedUpToTheLimit() {
    relay.tick();

    assertThat(countedUpTo).hasValue(250);
    assertThat(relay.backlog()).isEqualTo(42);
  }

  @Test
  void withoutKafkaNothingWaitsAndNothingIsCounted() {
    kafka.set(false);

    relay.tick();

    assertThat(countedUpTo).hasValue(0);
    assertThat(relay.backlog()).isZero();
  }
}
