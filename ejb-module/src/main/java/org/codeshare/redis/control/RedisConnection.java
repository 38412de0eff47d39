package org.codeshare.redis.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.codeshare.health.entity.Probe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.JedisPooled;

/**
 * The shared Redis client when {@code REDIS_URL} is set; without it, the components that would use
 * Redis (presence, fan-out, rate limits) keep their state in this JVM.
 */
@ApplicationScoped
public class RedisConnection {

  @Inject
  @ConfigProperty(name = "REDIS_URL")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = "codeshare.redis.timeout-millis", defaultValue = "2000")
  int timeoutMillis;

  private JedisPooled client;

  public boolean configured() {
    return url.filter(value -> !value.isBlank()).isPresent();
  }

  public synchronized Optional<JedisPooled> client() {
    if (!configured()) {
      return Optional.empty();
    }
    if (client == null) {
      var address = RedisAddress.parse(url.get());
      client = new JedisPooled(address.hostAndPort(), address.config(timeoutMillis));
    }
    return Optional.of(client);
  }

  public Probe check() {
    return client()
        .map(redis -> Probe.time("redis", "redis", () -> requirePong(redis.ping())))
        .orElseGet(() -> Probe.notConfigured("redis", "in-jvm"));
  }

  private static void requirePong(String reply) {
    if (!"PONG".equalsIgnoreCase(reply)) {
      throw new IllegalStateException("unexpected PING reply: " + reply);
    }
  }

  @PreDestroy
  synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
