package org.codeshare.ratelimit.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.codeshare.redis.control.RedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

class RateLimiterTest {

  private static final Duration MINUTE = Duration.ofMinutes(1);

  private final AtomicLong clock = new AtomicLong();
  private final List<String> rejections = new ArrayList<>();
  private final AtomicInteger redisCalls = new AtomicInteger();
  private JedisPooled deadRedis;

  @AfterEach
  void closeRedis() {
    if (deadRedis != null) {
      deadRedis.close();
    }
  }

  @Test
  void withoutRedisTheBudgetIsCountedInThisJvm() {
    var limiter = limiter(Optional.empty());

    assertThat(limiter.tryAcquire("write", "10.0.0.1", 2, MINUTE).allowed()).isTrue();
    assertThat(limiter.tryAcquire("write", "10.0.0.1", 2, MINUTE).allowed()).isTrue();
    var third = limiter.tryAcquire("write", "10.0.0.1", 2, MINUTE);

    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfterSeconds()).isEqualTo(60);
    assertThat(rejections).containsExactly("write");
  }

  @Test
  void bucketsAreSeparateBudgetsForTheSameKey() {
    var limiter = limiter(Optional.empty());
    limiter.tryAcquire("write", "user-1", 1, MINUTE);

    assertThat(limiter.tryAcquire("read", "user-1", 1, MINUTE).allowed()).isTrue();
    assertThat(limiter.tryAcquire("write", "user-1", 1, MINUTE).allowed()).isFalse();
  }

  @Test
  void aFailingRedisFallsBackToThisJvmAndIsRetriedLater() throws IOException {
    deadRedis = new JedisPooled(URI.create("redis://127.0.0.1:" + closedPort()), 200);
    var limiter = limiter(Optional.of(deadRedis));

    assertThat(limiter.tryAcquire("write", "10.0.0.2", 1, MINUTE).allowed()).isTrue();
    assertThat(limiter.tryAcquire("write", "10.0.0.2", 1, MINUTE).allowed()).isFalse();
    assertThat(redisCalls).as("Redis is left alone after a failure").hasValue(1);

    clock.addAndGet(Duration.ofSeconds(6).toNanos());
    limiter.tryAcquire("write", "10.0.0.3", 1, MINUTE);
    assertThat(redisCalls).as("and tried again after the retry interval").hasValue(2);
  }

  @Test
  void authAttemptsAreLimitedPerAddressAndEmailIgnoringCase() {
    var limiter = limiter(Optional.empty());
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.authAttempt("192.0.2.1", "Ada@Example.org").allowed()).isTrue();
    }

    var sixth = limiter.authAttempt("192.0.2.1", " ada@example.org ");

    assertThat(sixth.allowed()).isFalse();
    assertThat(sixth.headers())
        .containsEntry("RateLimit-Limit", "5")
        .containsEntry("RateLimit-Remaining", "0")
        .containsEntry("RateLimit-Reset", "60");
    assertThat(limiter.authAttempt("192.0.2.1", "grace@example.org").allowed()).isTrue();
    assertThat(limiter.authAttempt("192.0.2.2", "ada@example.org").allowed()).isTrue();
    assertThat(rejections).containsExactly("auth");
  }

  @Test
  void limitsMustBePositive() {
    var limiter = limiter(Optional.empty());

    assertThatThrownBy(() -> limiter.tryAcquire("write", "k", 0, MINUTE))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private RateLimiter limiter(Optional<JedisPooled> client) {
    var limiter = new RateLimiter();
    limiter.redis =
        new RedisConnection() {
          @Override
          public synchronized Optional<JedisPooled> client() {
            client.ifPresent(present -> redisCalls.incrementAndGet());
            return client;
          }
        };
    limiter.metrics =
        new RateLimitMetrics() {
          @Override
          void rejected(String bucket) {
            rejections.add(bucket);
          }
        };
    limiter.authPerMinute = 5;
    limiter.localMaxKeys = 1_000;
    limiter.redisRetryMillis = 5_000;
    limiter.nanoTime = clock::get;
    limiter.init();
    return limiter;
  }

  private static int closedPort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
