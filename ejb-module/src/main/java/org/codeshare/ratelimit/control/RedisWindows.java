package org.codeshare.ratelimit.control;

import java.time.Duration;
import java.util.List;
import org.codeshare.ratelimit.entity.Decision;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Fixed windows counted in Redis, so every node shares one budget per key. One script increments
 * the counter and starts the window's expiry atomically; the window starts with its first request,
 * so node clocks do not matter.
 */
class RedisWindows {

  static final String PREFIX = "codeshare:rl:";

  private static final String SCRIPT =
      """
      local count = redis.call('INCR', KEYS[1])
      local ttl = redis.call('PTTL', KEYS[1])
      if ttl < 0 then
        redis.call('PEXPIRE', KEYS[1], ARGV[1])
        ttl = tonumber(ARGV[1])
      end
      return {count, ttl}
      """;
  private static final String SCRIPT_SHA = Digests.sha1Hex(SCRIPT);

  Decision acquire(UnifiedJedis redis, String key, int limit, Duration window) {
    var keys = List.of(PREFIX + key);
    var args = List.of(Long.toString(window.toMillis()));
    Object reply;
    try {
      reply = redis.evalsha(SCRIPT_SHA, keys, args);
    } catch (JedisNoScriptException e) {
      reply = redis.eval(SCRIPT, keys, args);
    }
    var values = (List<?>) reply;
    return Decision.of(limit, (Long) values.get(0), (Long) values.get(1));
  }
}
