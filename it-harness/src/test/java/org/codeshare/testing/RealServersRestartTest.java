package org.codeshare.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.Jedis;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(RealServersExtension.class)
class RealServersRestartTest {
  private static final Duration UP = Duration.ofSeconds(60);

  @Test
  void redisRestartsOnSamePort(RealServers servers) {
    assertThat(ping(servers)).isEqualTo("PONG");
    try (Jedis jedis = new Jedis(URI.create(servers.redisUrl()))) {
      jedis.set("restart:key", "kept");
    }
    servers.stopRedis();
    assertThatThrownBy(() -> ping(servers)).isInstanceOf(Exception.class);
    servers.startRedis();
    Await.until("redis PONG", UP, () -> "PONG".equals(ping(servers)));
    try (Jedis jedis = new Jedis(URI.create(servers.redisUrl()))) {
      assertThat(jedis.get("restart:key")).isEqualTo("kept");
    }
  }

  @Test
  void s3RestartsOnSamePort(RealServers servers) {
    try (S3Client s3 = Clients.s3(servers)) {
      s3.putObject(
          b -> b.bucket(servers.s3Bucket()).key("restart.txt"),
          RequestBody.fromString("before", StandardCharsets.UTF_8));
      servers.stopS3();
      assertThatThrownBy(() -> s3.headBucket(b -> b.bucket(servers.s3Bucket())))
          .isInstanceOf(Exception.class);
      servers.startS3();
      Await.until(
          "S3 bucket reachable",
          UP,
          () -> s3.headBucket(b -> b.bucket(servers.s3Bucket())) != null);
      assertThat(
              s3.getObjectAsBytes(b -> b.bucket(servers.s3Bucket()).key("restart.txt"))
                  .asUtf8String())
          .isEqualTo("before");
    }
  }

  @Test
  void kafkaRestartsOnSamePortAndKeepsRecords(RealServers servers) throws Exception {
    String topic = "harness-restart";
    Clients.produce(servers, topic, "k", "before-restart");
    servers.stopKafka();
    assertThat(Ports.isListening(port(servers.kafkaBootstrap()))).isFalse();
    servers.startKafka();
    Clients.produce(servers, topic, "k", "after-restart");
    assertThat(Clients.consume(servers, topic, 2))
        .extracting(ConsumerRecord::value)
        .containsExactly("before-restart", "after-restart");
  }

  @Test
  void postgresRestartsOnSamePortAndKeepsData(RealServers servers) throws Exception {
    try (Connection c = connect(servers);
        Statement s = c.createStatement()) {
      s.execute("create table restart_check (v text)");
      s.execute("insert into restart_check values ('kept')");
    }
    servers.stopPostgres();
    assertThatThrownBy(() -> connect(servers).close()).isInstanceOf(Exception.class);
    servers.startPostgres();
    Await.until(
        "postgres accepts connections",
        UP,
        () -> {
          try (Connection c = connect(servers)) {
            return c.isValid(1);
          }
        });
    try (Connection c = connect(servers);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select v from restart_check")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("kept");
    }
  }

  private static Connection connect(RealServers servers) throws Exception {
    return DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
  }

  private static String ping(RealServers servers) {
    try (Jedis jedis = new Jedis(URI.create(servers.redisUrl()))) {
      return jedis.ping();
    }
  }

  private static int port(String hostPort) {
    return Integer.parseInt(hostPort.substring(hostPort.lastIndexOf(':') + 1));
  }
}
