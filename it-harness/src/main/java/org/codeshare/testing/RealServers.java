package org.codeshare.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Real PostgreSQL, Redis, Kafka (KRaft) and S3 (s3proxy) servers on 127.0.0.1, started from Maven
 * artifacts, for integration tests. Ports come from the system properties {@code
 * codeshare.it.postgres.port}, {@code codeshare.it.redis.port}, {@code codeshare.it.kafka.port},
 * {@code codeshare.it.kafka.controller.port}, {@code codeshare.it.kafka.sasl.port} and {@code
 * codeshare.it.s3.port}; a missing one means a free random port. Each {@code stopX()/startX()} pair
 * restarts that server on the same port with its data kept.
 */
public final class RealServers implements AutoCloseable {
  public static final String POSTGRES_PORT = "codeshare.it.postgres.port";
  public static final String REDIS_PORT = "codeshare.it.redis.port";
  public static final String KAFKA_PORT = "codeshare.it.kafka.port";
  public static final String KAFKA_CONTROLLER_PORT = "codeshare.it.kafka.controller.port";
  public static final String KAFKA_SASL_PORT = "codeshare.it.kafka.sasl.port";
  public static final String S3_PORT = "codeshare.it.s3.port";

  private final Path root;
  private final PostgresServer postgres;
  private final RedisServerHandle redis;
  private final KafkaServer kafka;
  private final S3Server s3;
  private boolean closed;

  private RealServers(Path root) throws Exception {
    this.root = root;
    Ports ports = new Ports();
    postgres = new PostgresServer(ports.resolve(POSTGRES_PORT), root.resolve("postgres"));
    redis = new RedisServerHandle(ports.resolve(REDIS_PORT), root.resolve("redis"));
    kafka =
        new KafkaServer(
            ports.resolve(KAFKA_PORT),
            ports.resolve(KAFKA_CONTROLLER_PORT),
            ports.resolve(KAFKA_SASL_PORT),
            root.resolve("kafka"));
    s3 = new S3Server(ports.resolve(S3_PORT));
  }

  /** Starts all four servers (in parallel) and returns once each accepts connections. */
  public static RealServers start() {
    RealServers servers;
    try {
      servers = new RealServers(Files.createTempDirectory("codeshare-it-"));
    } catch (Exception e) {
      throw new IllegalStateException("Could not prepare servers", e);
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<CompletableFuture<Void>> starts = new ArrayList<>();
      for (ManagedServer server : servers.all()) {
        starts.add(CompletableFuture.runAsync(server::startUnchecked, pool));
      }
      CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
      return servers;
    } catch (RuntimeException e) {
      servers.close();
      throw new IllegalStateException("Could not start servers: " + e.getMessage(), e);
    } finally {
      pool.shutdown();
    }
  }

  public String jdbcUrl() {
    return postgres.jdbcUrl();
  }

  public String dbUser() {
    return PostgresServer.USER;
  }

  public String dbPassword() {
    return PostgresServer.PASSWORD;
  }

  public String redisUrl() {
    return redis.url();
  }

  public String kafkaBootstrap() {
    return kafka.bootstrap();
  }

  /** The Kafka broker's SASL/PLAIN listener, which wants {@link #kafkaSaslJaasConfig}. */
  public String kafkaSaslBootstrap() {
    return kafka.saslBootstrap();
  }

  /** A client's JAAS line for the SASL listener, with the password given. */
  public static String kafkaSaslJaasConfig(String password) {
    return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
        + KafkaServer.SASL_USER
        + "\" password=\""
        + password
        + "\";";
  }

  public static String kafkaSaslPassword() {
    return KafkaServer.SASL_PASSWORD;
  }

  public String s3Endpoint() {
    return s3.endpoint();
  }

  public String s3Bucket() {
    return S3Server.BUCKET;
  }

  public String s3Region() {
    return S3Server.REGION;
  }

  public String s3AccessKey() {
    return S3Server.ACCESS_KEY;
  }

  public String s3SecretKey() {
    return S3Server.SECRET_KEY;
  }

  /**
   * Environment variables that point the CodeShare app at these servers, with the token signing key
   * pair configured as in production ({@link SigningKeyPair}), the same for every node.
   */
  public Map<String, String> appEnvironment() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DATABASE_URL", jdbcUrl());
    env.put("DB_USER", dbUser());
    env.put("DB_PASSWORD", dbPassword());
    env.put("REDIS_URL", redisUrl());
    env.put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap());
    env.put("S3_ENDPOINT", s3Endpoint());
    env.put("S3_BUCKET", s3Bucket());
    env.put("S3_REGION", s3Region());
    env.put("AWS_ACCESS_KEY_ID", s3AccessKey());
    env.put("AWS_SECRET_ACCESS_KEY", s3SecretKey());
    env.put("JWT_PRIVATE_KEY", SigningKeyPair.privatePem());
    env.put("JWT_PUBLIC_KEY", SigningKeyPair.publicPem());
    return Collections.unmodifiableMap(env);
  }

  public void stopPostgres() {
    postgres.stopUnchecked();
  }

  public void startPostgres() {
    postgres.startUnchecked();
  }

  public void stopRedis() {
    redis.stopUnchecked();
  }

  public void startRedis() {
    redis.startUnchecked();
  }

  public void stopKafka() {
    kafka.stopUnchecked();
  }

  public void startKafka() {
    kafka.startUnchecked();
  }

  public void stopS3() {
    s3.stopUnchecked();
  }

  public void startS3() {
    s3.startUnchecked();
  }

  /** Stops every server and deletes the temp directories. Idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    RuntimeException failure = null;
    for (ManagedServer server : all()) {
      try {
        server.stopUnchecked();
      } catch (RuntimeException e) {
        failure = failure == null ? e : failure;
      }
    }
    deleteRecursively(root);
    if (failure != null) {
      throw failure;
    }
  }

  private List<ManagedServer> all() {
    return List.of(kafka, postgres, redis, s3);
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete " + dir, e);
    }
  }
}
