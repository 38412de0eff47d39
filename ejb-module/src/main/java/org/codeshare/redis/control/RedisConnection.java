package org.codeshare.redis.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  static final int DEFAULT_PORT = 6379;

  private JedisPooled client;

  public boolean configured() {
    return url.filter(value -> !value.isBlank()).isPresent();
  }

  public synchronized Optional<JedisPooled> client() {
    if (!configured()) {
      return Optional.empty();
    }
    if (client == null) {
      client = new JedisPooled(withPort(url.get().trim()), timeoutMillis);
    }
    return Optional.of(client);
  }

  /**
   * The URL with Redis's port filled in when it names none ({@code redis://cache} or {@code
   * rediss://:secret@cache}): the client refuses a URL without a port.
   */
  static URI withPort(String url) {
    var uri = URI.create(url);
    var authority = uri.getRawAuthority();
    if (uri.getPort() != -1 || authority == null) {
      return uri;
    }
    var hostPart = authority.substring(authority.lastIndexOf('@') + 1);
    if (!hostPart.endsWith("]") && hostPart.contains(":")) {
      return uri; // a port that is not a number: the client says so
    }
    return URI.create(
        url.replaceFirst(
            "//" + Pattern.quote(authority),
            "//" + Matcher.quoteReplacement(authority) + ":" + DEFAULT_PORT));
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
