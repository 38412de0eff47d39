package org.codeshare.testing;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * Single-node Kafka in KRaft combined mode (broker + controller) inside this JVM. The log directory
 * is formatted once and reused, so records survive {@code stopKafka()/startKafka()}.
 */
final class KafkaServer implements ManagedServer {
  private static final int NODE_ID = 1;
  private static final String CONTROLLER = "CONTROLLER";

  static {
    // Kafka calls Exit.exit/halt on fatal errors; never let that kill the test JVM.
    Exit.setExitProcedure(
        (code, message) -> {
          throw new IllegalStateException("Kafka requested exit(" + code + "): " + message);
        });
    Exit.setHaltProcedure(
        (code, message) -> {
          throw new IllegalStateException("Kafka requested halt(" + code + "): " + message);
        });
  }

  /** The account of the SASL/PLAIN listener ({@link #saslBootstrap}). */
  static final String SASL_USER = "codeshare";

  static final String SASL_PASSWORD = "kafka-secret-of-the-tests";

  private final int port;
  private final int saslPort;
  private final int controllerPort;
  private final Path logDir;
  private final String clusterId = Uuid.randomUuid().toString();
  private KafkaRaftServer server;

  KafkaServer(int port, int controllerPort, int saslPort, Path logDir) {
    this.port = port;
    this.saslPort = saslPort;
    this.controllerPort = controllerPort;
    this.logDir = logDir;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public int port() {
    return port;
  }

  String bootstrap() {
    return Ports.HOST + ":" + port;
  }

  /** The same broker through a listener that wants SASL/PLAIN ({@link #SASL_USER}). */
  String saslBootstrap() {
    return Ports.HOST + ":" + saslPort;
  }

  @Override
  public synchronized void start() throws Exception {
    if (server != null) {
      return;
    }
    KafkaConfig config = new KafkaConfig(properties(), false);
    format();
    KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
    try {
      started.startup();
      awaitBrokerReady();
    } catch (Exception | Error e) {
      started.shutdown();
      started.awaitShutdown();
      throw e;
    }
    server = started;
  }

  @Override
  public synchronized void stop() {
    if (server != null) {
      try {
        server.shutdown();
        server.awaitShutdown();
      } finally {
        server = null;
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return server != null;
  }

  private Properties properties() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@" + Ports.HOST + ":" + controllerPort);
    p.put("controller.listener.names", CONTROLLER);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + Ports.HOST
            + ":"
            + port
            + ",SASL_PLAINTEXT://"
            + Ports.HOST
            + ":"
            + saslPort
            + ","
            + CONTROLLER
            + "://"
            + Ports.HOST
            + ":"
            + controllerPort);
    p.put(
        "advertised.listeners",
        "PLAINTEXT://" + bootstrap() + ",SASL_PLAINTEXT://" + saslBootstrap());
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
    p.put("sasl.enabled.mechanisms", "PLAIN");
    p.put(
        "listener.name.sasl_plaintext.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required user_"
            + SASL_USER
            + "=\""
            + SASL_PASSWORD
            + "\";");
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("log.dirs", logDir.toAbsolutePath().toString());
    p.put("auto.create.topics.enable", "true");
    p.put("num.partitions", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    return p;
  }

  /** Formats the log dir once (like {@code kafka-storage format --ignore-formatted}). */
  private void format() throws Exception {
    Files.createDirectories(logDir);
    String dir = logDir.toAbsolutePath().toString();
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(clusterId)
        .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
        .setControllerListenerName(CONTROLLER)
        .setMetadataLogDirectory(dir)
        .addDirectory(dir)
        .setIgnoreFormatted(true)
        .run();
  }

  private void awaitBrokerReady() {
    Map<String, Object> conf =
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap(),
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    try (Admin admin = Admin.create(conf)) {
      Await.until(
          "Kafka broker on " + bootstrap() + " to be registered",
          Duration.ofSeconds(60),
          () -> !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty());
    }
  }
}
