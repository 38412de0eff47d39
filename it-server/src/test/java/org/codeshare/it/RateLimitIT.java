package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.PosingClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

/**
 * Write limits per anonymous client, counted in Redis: over the limit a client gets 429 with {@code
 * Retry-After}, and two nodes sharing Redis share one budget. The tests read the limit from the
 * {@code RateLimit-Limit} header, so they hold whatever limit the suite configures.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class RateLimitIT {

  /**
   * Refused by validation, so the many requests cost no rows; it counts as a write all the same.
   */
  private static final String NEW_ROOM = "{\"language\":\"cobol\"}";

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient server = AppClient.fromSystemProperties();

  @Test
  void writesOverTheLimitAreRefusedWith429UntilTheWindowResets(RealServers servers) {
    var client = PosingClient.fresh(server);
    var rejectionsBefore = server.metric("codeshare_rate_limit_rejections_total");

    var first = client.postJson("api/rooms", NEW_ROOM);
    var limit = Integer.parseInt(first.header("RateLimit-Limit").orElseThrow());
    assertThat(first.status()).isNotEqualTo(429);
    assertThat(first.header("RateLimit-Remaining")).contains(Integer.toString(limit - 1));
    for (int sent = 2; sent <= limit; sent++) {
      var reply = client.postJson("api/rooms", NEW_ROOM);
      assertThat(reply.status()).as("request %d of %d", sent, limit).isNotEqualTo(429);
      assertThat(reply.header("RateLimit-Remaining")).contains(Integer.toString(limit - sent));
    }

    var refused = client.postJson("api/rooms", NEW_ROOM);

    assertThat(refused.status()).as("request %d", limit + 1).isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().getString("type")).isEqualTo("urn:codeshare:problem:rate-limited");
    assertThat(Integer.parseInt(refused.header("Retry-After").orElseThrow())).isBetween(1, 60);
    assertThat(refused.header("RateLimit-Limit")).contains(Integer.toString(limit));
    assertThat(refused.header("RateLimit-Remaining")).contains("0");
    assertThat(Integer.parseInt(refused.header("RateLimit-Reset").orElseThrow())).isBetween(1, 60);
    assertThat(client.get("api/rooms/zzzzzzzzzz").status())
        .as("reads have a budget of their own")
        .isEqualTo(404);
    assertThat(server.metric("codeshare_rate_limit_rejections_total"))
        .isGreaterThanOrEqualTo(rejectionsBefore + 1);
    assertRateLimitKeysAreInRedis(servers);
  }

  @Test
  void aSignedInUserHasABudgetOfItsOwnWhateverTheAddress() {
    var anonymous = PosingClient.fresh(server);
    var user =
        new PosingClient(
            server.as(Accounts.register(server, "Budget").token()), anonymous.address());
    var limit = remaining(anonymous.postJson("api/rooms", NEW_ROOM)) + 1;
    anonymous.postJson("api/rooms", NEW_ROOM);

    assertThat(remaining(anonymous.postJson("api/rooms", NEW_ROOM))).isEqualTo(limit - 3);
    assertThat(remaining(user.postJson("api/rooms", NEW_ROOM))).isEqualTo(limit - 1);
    assertThat(remaining(user.postJson("api/rooms", NEW_ROOM))).isEqualTo(limit - 2);
  }

  @Test
  void twoNodesSharingRedisShareOneBudget(RealServers servers) {
    var environment = new HashMap<>(servers.appEnvironment());
    environment.put("CODESHARE_HTTP_TRUSTED_PROXIES", "127.0.0.0/8,::1/128");
    long pid;
    try (var micro = MicroNode.start(environment)) {
      pid = micro.pid();
      var address = PosingClient.freshAddress();
      var nodes =
          List.of(new PosingClient(server, address), new PosingClient(micro.client(), address));

      var first = nodes.get(0).postJson("api/rooms", NEW_ROOM);
      var limit = Integer.parseInt(first.header("RateLimit-Limit").orElseThrow());
      var remaining =
          new ArrayList<String>(List.of(first.header("RateLimit-Remaining").orElseThrow()));
      for (int sent = 2; sent <= limit; sent++) {
        var reply = nodes.get((sent - 1) % 2).postJson("api/rooms", NEW_ROOM);
        assertThat(reply.status()).as("request %d of %d", sent, limit).isNotEqualTo(429);
        remaining.add(reply.header("RateLimit-Remaining").orElseThrow());
      }
      var expected = new ArrayList<String>();
      for (int left = limit - 1; left >= 0; left--) {
        expected.add(Integer.toString(left));
      }
      assertThat(remaining).as("one countdown across both nodes").isEqualTo(expected);

      var refused = nodes.get(limit % 2).postJson("api/rooms", NEW_ROOM);
      assertThat(refused.status()).as("request %d overall", limit + 1).isEqualTo(429);
      assertThat(refused.header("Retry-After")).isPresent();
      assertThat(nodes.get((limit + 1) % 2).postJson("api/rooms", NEW_ROOM).status())
          .as("and on the other node too")
          .isEqualTo(429);
    }
    assertThat(ProcessHandle.of(pid).filter(ProcessHandle::isAlive))
        .as("the Micro node is gone once closed")
        .isEmpty();
  }

  private static int remaining(AppClient.Reply reply) {
    assertThat(reply.status()).as(reply.body()).isNotEqualTo(429);
    return Integer.parseInt(reply.header("RateLimit-Remaining").orElseThrow());
  }

  private static void assertRateLimitKeysAreInRedis(RealServers servers) {
    try (var redis = new JedisPooled(URI.create(servers.redisUrl()))) {
      var keys = new ArrayList<String>();
      var cursor = ScanParams.SCAN_POINTER_START;
      do {
        var page = redis.scan(cursor, new ScanParams().match("codeshare:rl:*").count(1000));
        keys.addAll(page.getResult());
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));

      assertThat(keys).anyMatch(key -> key.startsWith("codeshare:rl:write:"));
      assertThat(keys)
          .as("clients are stored as hashes, not addresses")
          .allMatch(key -> key.matches("codeshare:rl:[^:]+:[0-9a-f]{64}"));
      var write = keys.stream().filter(key -> key.startsWith("codeshare:rl:write:")).findFirst();
      assertThat(redis.pttl(write.orElseThrow())).isBetween(1L, 60_000L);
    }
  }
}
