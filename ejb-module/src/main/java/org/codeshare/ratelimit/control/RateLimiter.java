package org.codeshare.ratelimit.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.ratelimit.entity.Decision;
import org.codeshare.ratelimit.entity.RateLimited;
import org.codeshare.redis.control.RedisConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * Counts requests per bucket and key in fixed windows. With Redis the count is shared by every
 * node; without it, or while Redis fails, each node counts on its own, so a failing Redis never
 * fails a request. Keys are hashed before they are stored.
 */
@ApplicationScoped
public class RateLimiter {

  public static final String AUTH = "auth";
  public static final String WEBSOCKET = "websocket";
  private static final Logger LOG = Logger.getLogger(RateLimiter.class.getName());
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

  @Inject RedisConnection redis;
  @Inject RateLimitMetrics metrics;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.auth-per-minute", defaultValue = "5")
  int authPerMinute;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.local-max-keys", defaultValue = "100000")
  int localMaxKeys;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.redis-retry-millis", defaultValue = "5000")
  long redisRetryMillis;

  LongSupplier nanoTime = System::nanoTime;
  private final RedisWindows shared = new RedisWindows();
  private final AtomicLong redisPausedUntil = new AtomicLong();
  private final AtomicLong nextWarning = new AtomicLong();
  private volatile boolean redisPaused;
  private LocalWindows local;

  @PostConstruct
  void init() {
    local = new LocalWindows(localMaxKeys, nanoTime);
  }

  /** Counts one request against {@code limit} per {@code window} for this bucket and key. */
  public Decision tryAcquire(String bucket, String key, int limit, Duration window) {
    if (limit < 1 || window.toMillis() < 1) {
      throw new IllegalArgumentException("a rate limit needs a positive limit and window");
    }
    var id = bucket + ":" + Digests.sha256Hex(key);
    var decision = acquire(id, limit, window);
    if (!decision.allowed()) {
      metrics.rejected(bucket);
    }
    return decision;
  }

  /**
   * Counts a sign-in or registration attempt: {@code codeshare.ratelimit.auth-per-minute} per
   * client address and email (case-insensitive, stored only as a hash; a missing email counts as
   * the empty one).
   */
  public Decision authAttempt(String clientAddress, String email) {
    var normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    var key = clientAddress + "|" + Digests.sha256Hex(normalized);
    return tryAcquire(AUTH, key, authPerMinute, Duration.ofMinutes(1));
  }

  /**
   * {@link #authAttempt} for a resource method.
   *
   * @throws RateLimited when the attempt is over the limit
   */
  public void requireAuthAttempt(String clientAddress, String email) {
    var decision = authAttempt(clientAddress, email);
    if (!decision.allowed()) {
      throw new RateLimited(decision);
    }
  }

  private Decision acquire(String id, int limit, Duration window) {
    var client = redisAvailable() ? redis.client() : Optional.<JedisPooled>empty();
    if (client.isPresent()) {
      try {
        var decision = shared.acquire(client.get(), id, limit, window);
        redisPaused = false;
        return decision;
      } catch (RuntimeException e) {
        pauseRedis(e);
      }
    }
    return local.acquire(id, limit, window);
  }

  private boolean redisAvailable() {
    return !redisPaused || nanoTime.getAsLong() - redisPausedUntil.get() >= 0;
  }

  private void pauseRedis(RuntimeException failure) {
    var now = nanoTime.getAsLong();
    redisPausedUntil.set(now + TimeUnit.MILLISECONDS.toNanos(redisRetryMillis));
    redisPaused = true;
    var due = nextWarning.get();
    if ((due == 0 || now - due >= 0)
        && nextWarning.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
      LOG.log(
          Level.WARNING,
          "Redis failed; rate limits are counted per node until it answers again: {0}",
          failure.toString());
    }
  }
}
