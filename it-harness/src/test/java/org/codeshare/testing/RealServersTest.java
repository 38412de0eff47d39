package org.codeshare.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

@ExtendWith(RealServersExtension.class)
class RealServersTest {
  private final RealServers servers;

  RealServersTest(RealServers servers) {
    this.servers = servers;
  }

  @Test
  void environmentPointsAtLoopbackServers() {
    assertThat(servers.appEnvironment())
        .containsEntry("DATABASE_URL", servers.jdbcUrl())
        .containsEntry("DB_USER", "postgres")
        .containsEntry("DB_PASSWORD", "postgres")
        .containsEntry("REDIS_URL", servers.redisUrl())
        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap())
        .containsEntry("S3_ENDPOINT", servers.s3Endpoint())
        .containsEntry("S3_BUCKET", "codeshare")
        .containsEntry("S3_REGION", "us-east-1")
        .containsEntry("AWS_ACCESS_KEY_ID", "codeshare")
        .containsEntry("AWS_SECRET_ACCESS_KEY", "codeshare-secret")
        .containsEntry("JWT_PRIVATE_KEY", SigningKeyPair.privatePem())
        .containsEntry("JWT_PUBLIC_KEY", SigningKeyPair.publicPem())
        .hasSize(12);
    assertThat(SigningKeyPair.privatePem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
    assertThat(SigningKeyPair.publicPem()).startsWith("-----BEGIN PUBLIC KEY-----\n");
    assertThat(servers.jdbcUrl()).matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/postgres");
    assertThat(servers.redisUrl()).matches("redis://127\\.0\\.0\\.1:\\d+");
    assertThat(servers.kafkaBootstrap()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(servers.kafkaSaslBootstrap())
        .matches("127\\.0\\.0\\.1:\\d+")
        .isNotEqualTo(servers.kafkaBootstrap());
    assertThat(servers.s3Endpoint()).matches("http://127\\.0\\.0\\.1:\\d+");
  }

  @Test
  void postgresRunsSql(RealServers injected) throws Exception {
    assertThat(injected).isSameAs(servers);
    try (Connection c =
            DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("select 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      s.execute("create table harness_smoke (id int primary key, name text not null)");
      try (PreparedStatement insert =
          c.prepareStatement("insert into harness_smoke (id, name) values (?, ?)")) {
        insert.setInt(1, 7);
        insert.setString(2, "seven");
        assertThat(insert.executeUpdate()).isEqualTo(1);
      }
      try (ResultSet rs = s.executeQuery("select name from harness_smoke where id = 7")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo("seven");
      }
      try (ResultSet rs = s.executeQuery("show server_version_num")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(160000);
      }
    }
  }

  @Test
  void redisSetsAndGets() {
    try (JedisPooled jedis = new JedisPooled(servers.redisUrl())) {
      assertThat(jedis.set("harness:key", "value")).isEqualTo("OK");
      assertThat(jedis.get("harness:key")).isEqualTo("value");
    }
  }

  @Test
  void kafkaProducesAndConsumes() throws Exception {
    Clients.produce(servers, "harness-smoke", "k1", "hello kafka");
    List<ConsumerRecord<String, String>> records = Clients.consume(servers, "harness-smoke", 1);
    assertThat(records).extracting(ConsumerRecord::value).containsExactly("hello kafka");
    assertThat(records.get(0).key()).isEqualTo("k1");
  }

  @Test
  void kafkaTakesSaslPlainWithTheAccountAndRefusesAWrongPassword() throws Exception {
    var produced = saslProducer(RealServers.kafkaSaslPassword());
    try (produced) {
      produced.send(new ProducerRecord<>("harness-sasl", "k", "through sasl")).get();
    }
    assertThat(Clients.consume(servers, "harness-sasl", 1))
        .extracting(ConsumerRecord::value)
        .containsExactly("through sasl");

    try (var refused = saslProducer("wrong")) {
      var failure =
          org.assertj.core.api.Assertions.catchThrowable(
              () -> refused.send(new ProducerRecord<>("harness-sasl", "k", "never")).get());
      assertThat(failure).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }
  }

  private KafkaProducer<String, String> saslProducer(String password) {
    var p = new java.util.Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaSaslBootstrap());
    p.put("security.protocol", "SASL_PLAINTEXT");
    p.put("sasl.mechanism", "PLAIN");
    p.put("sasl.jaas.config", RealServers.kafkaSaslJaasConfig(password));
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
    return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
  }

  @Test
  void s3PutsAndGetsObjects() {
    try (S3Client s3 = Clients.s3(servers)) {
      assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("codeshare");
      s3.headBucket(b -> b.bucket(servers.s3Bucket()));
      s3.putObject(
          b -> b.bucket(servers.s3Bucket()).key("docs/hello.txt").contentType("text/plain"),
          RequestBody.fromString("hello s3", StandardCharsets.UTF_8));
      String body =
          s3.getObjectAsBytes(b -> b.bucket(servers.s3Bucket()).key("docs/hello.txt"))
              .asUtf8String();
      assertThat(body).isEqualTo("hello s3");
    }
  }
}
