package org.codeshare.redis.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

class RedisAddressTest {

  @Test
  void theHostThePortAndTheDatabase() {
    assertThat(RedisAddress.parse("redis://cache"))
        .isEqualTo(new RedisAddress("cache", 6379, null, null, 0, false));
    assertThat(RedisAddress.parse("redis://cache:6380/1"))
        .isEqualTo(new RedisAddress("cache", 6380, null, null, 1, false));
    assertThat(RedisAddress.parse(" rediss://cache.internal/2 "))
        .isEqualTo(new RedisAddress("cache.internal", 6379, null, null, 2, true));
    assertThat(RedisAddress.parse("redis://[fd00::7]"))
        .isEqualTo(new RedisAddress("fd00::7", 6379, null, null, 0, false));
    assertThat(RedisAddress.parse("redis://[::1]:7000/"))
        .isEqualTo(new RedisAddress("::1", 7000, null, null, 0, false));
  }

  @Test
  void hostNamesWithUnderscoresAreTaken() {
    // java.net.URI has no host for these, and the Redis client refused them
    assertThat(RedisAddress.parse("redis://codeshare_redis_1:6379/3"))
        .isEqualTo(new RedisAddress("codeshare_redis_1", 6379, null, null, 3, false));
    assertThat(RedisAddress.parse("redis://:pw@my_cache"))
        .isEqualTo(new RedisAddress("my_cache", 6379, null, "pw", 0, false));
  }

  @Test
  void theUserAndThePasswordArePercentDecoded() {
    assertThat(RedisAddress.parse("rediss://:s3cr%40t@cache.internal/2"))
        .isEqualTo(new RedisAddress("cache.internal", 6379, null, "s3cr@t", 2, true));
    assertThat(RedisAddress.parse("redis://app%2B1:p+w%3Ax@[::1]:7000"))
        .isEqualTo(new RedisAddress("::1", 7000, "app+1", "p+w:x", 0, false));
    assertThat(RedisAddress.parse("redis://app@cache"))
        .isEqualTo(new RedisAddress("cache", 6379, "app", null, 0, false));
  }

  @Test
  void whatIsWrongIsNamed() {
    assertThatThrownBy(() -> RedisAddress.parse("http://cache"))
        .hasMessageContaining("redis:// or rediss://");
    assertThatThrownBy(() -> RedisAddress.parse("redis://cache:six"))
        .hasMessageContaining("port is not a number: six");
    assertThatThrownBy(() -> RedisAddress.parse("redis://cache:70000"))
        .hasMessageContaining("port is not a number: 70000");
    assertThatThrownBy(() -> RedisAddress.parse("redis://cache/zero"))
        .hasMessageContaining("database is not a number: zero");
    assertThatThrownBy(() -> RedisAddress.parse("redis:///1")).hasMessageContaining("no host");
    assertThatThrownBy(() -> RedisAddress.parse("redis://[::1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisAddress.parse("redis://cache:6379/0?ssl=true"))
        .hasMessageContaining("no ?options")
        .hasMessageContaining("rediss://");
    assertThatThrownBy(() -> RedisAddress.parse("redis://cache#1"))
        .hasMessageContaining("no ?options or #fragment");
  }

  @Test
  void thePasswordIsNotPrinted() {
    assertThat(RedisAddress.parse("redis://:s3cret@cache/1").toString())
        .isEqualTo("redis://cache:6379/1")
        .doesNotContain("s3cret");
  }

  @Test
  void aClientBuiltFromItUsesTheDatabaseAndThePasswordOfARealServer() throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    var server =
        RedisServer.builder()
            .port(port)
            .bind("127.0.0.1")
            .setting("save \"\"")
            .setting("requirepass pw@1")
            .build();
    server.start();
    try {
      var address = RedisAddress.parse("redis://:pw%401@127.0.0.1:" + port + "/5");
      try (var client = new JedisPooled(address.hostAndPort(), address.config(2000))) {
        client.set("codeshare:address-test", "in 5");
      }
      try (var plain = new Jedis("127.0.0.1", port)) {
        plain.auth("pw@1");
        plain.select(5);
        assertThat(plain.get("codeshare:address-test")).isEqualTo("in 5");
        plain.select(0);
        assertThat(plain.get("codeshare:address-test")).isNull();
      }
    } finally {
      server.stop();
    }
  }
}
