package org.codeshare.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.codeshare.redis.control.RedisConnection;
import redis.clients.jedis.params.SetParams;

/** Remembers used tickets until they expire: in Redis across nodes, else in this JVM. */
@ApplicationScoped
public class TicketLedger {

  @Inject RedisConnection redis;

  Clock clock = Clock.systemUTC();
  private final ConcurrentHashMap<String, Instant> used = new ConcurrentHashMap<>();

  public boolean firstUse(String jti, Instant expiresAt) {
    var ttl = Duration.between(clock.instant(), expiresAt);
    if (ttl.isNegative() || ttl.isZero()) {
      return false;
    }
    var client = redis.client();
    if (client.isPresent()) {
      var reply =
          client
              .get()
              .set("codeshare:ticket:" + jti, "1", SetParams.setParams().nx().px(ttl.toMillis()));
      return "OK".equals(reply);
    }
    var now = clock.instant();
    used.values().removeIf(expiry -> expiry.isBefore(now));
    return used.putIfAbsent(jti, expiresAt) == null;
  }
}
