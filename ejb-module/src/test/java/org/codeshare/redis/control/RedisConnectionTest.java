package org.codeshare.redis.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedisConnectionTest {

  @Test
  void aUrlWithoutAPortGetsRedissDefault() {
    assertThat(RedisConnection.withPort("redis://cache")).hasToString("redis://cache:6379");
    assertThat(RedisConnection.withPort("rediss://:s3cr%40t@cache.internal/2"))
        .hasToString("rediss://:s3cr%40t@cache.internal:6379/2");
    assertThat(RedisConnection.withPort("redis://[fd00::7]")).hasToString("redis://[fd00::7]:6379");
  }

  @Test
  void aUrlWithAPortIsLeftAsItIs() {
    assertThat(RedisConnection.withPort("redis://cache:6380/1"))
        .hasToString("redis://cache:6380/1");
    assertThat(RedisConnection.withPort("redis://user:pw@[::1]:7000"))
        .hasToString("redis://user:pw@[::1]:7000");
  }
}
