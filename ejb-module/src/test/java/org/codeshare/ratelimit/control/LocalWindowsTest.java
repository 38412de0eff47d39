package org.codeshare.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LocalWindowsTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AtomicLong clock = new AtomicLong(-5_000_000_000L);
  private final LocalWindows windows = new LocalWindows(1_000, clock::get);

  @Test
  void allowsTheLimitThenRejectsUntilTheWindowResets() {
    for (int i = 1; i <= 3; i++) {
      var decision = windows.acquire("write:a", 3, MINUTE);
      assertThat(decision.allowed()).isTrue();
      assertThat(decision.remaining()).isEqualTo(3 - i);
      assertThat(decision.resetSeconds()).isEqualTo(60);
    }
    advance(Duration.ofSeconds(20));

    var rejected = windows.acquire("write:a", 3, MINUTE);

    assertThat(rejected.allowed()).isFalse();
    assertThat(rejected.remaining()).isZero();
    assertThat(rejected.retryAfterSeconds()).isEqualTo(40);

    advance(Duration.ofSeconds(40));
    var fresh = windows.acquire("write:a", 3, MINUTE);
    assertThat(fresh.allowed()).isTrue();
    assertThat(fresh.remaining()).isEqualTo(2);
  }

  @Test
  void keysHaveIndependentBudgets() {
    windows.acquire("write:a", 1, MINUTE);

    assertThat(windows.acquire("write:a", 1, MINUTE).allowed()).isFalse();
    assertThat(windows.acquire("write:b", 1, MINUTE).allowed()).isTrue();
  }

  @Test
  void expiredWindowsAreSweptSoMemoryStaysBounded() {
    for (int i = 0; i < 500; i++) {
      windows.acquire("read:" + i, 10, Duration.ofSeconds(1));
    }
    assertThat(windows.size()).isEqualTo(500);

    advance(Duration.ofSeconds(11));
    windows.acquire("read:late", 10, Duration.ofSeconds(1));

    assertThat(windows.size()).isEqualTo(1);
  }

  @Test
  void aFullTableLetsNewKeysThroughUncountedInsteadOfGrowing() {
    var small = new LocalWindows(2, clock::get);
    small.acquire("a", 1, MINUTE);
    small.acquire("b", 1, MINUTE);

    var decision = small.acquire("c", 1, MINUTE);

    assertThat(decision.allowed()).isTrue();
    assertThat(small.size()).isEqualTo(2);
    assertThat(small.acquire("a", 1, MINUTE).allowed()).as("tracked keys still count").isFalse();

    advance(MINUTE);
    small.acquire("c", 1, MINUTE);
    assertThat(small.size()).as("room again once windows expire").isEqualTo(1);
  }

  private void advance(Duration duration) {
    clock.addAndGet(duration.toNanos());
  }
}
