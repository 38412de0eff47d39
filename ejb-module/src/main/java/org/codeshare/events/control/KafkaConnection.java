package org.codeshare.events.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.protocol.ApiKeys;
import org.codeshare.health.entity.Probe;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka, when {@code KAFKA_BOOTSTRAP_SERVERS} is set. Without it, events stay in the outbox table.
 *
 * <p>Kafka's protocol tables ({@code ApiKeys}) are initialised on the deploying thread when the
 * application starts. Left to the first readiness probe, which can come while the container is
 * still putting the web module in place, their class initialisation once failed ("zip file closed"
 * from the application's class loader), and a failed class initialisation is never retried: every
 * Kafka client of the node was broken until a restart. An admin client whose probe fails is closed
 * and a new one made for the next probe, so one whose thread died does not keep readiness down
 * either.
 */
@ApplicationScoped
public class KafkaConnection {

  @Inject
  @ConfigProperty(name = "KAFKA_BOOTSTRAP_SERVERS")
  Optional<String> bootstrapServers;

  @Inject
  @ConfigProperty(name = "codeshare.kafka.timeout-millis", defaultValue = "2000")
  int timeoutMillis;

  /**
   * The Kafka client settings for authentication and encryption that operators can set, as {@code
   * kafka.<setting>}: managed Kafka services (MSK, Confluent Cloud, Aiven, Strimzi with TLS)
   * require some of them.
   */
  static final List<String> SECURITY =
      List.of(
          "security.protocol",
          "sasl.mechanism",
          "sasl.jaas.config",
          "sasl.client.callback.handler.class",
          "sasl.login.callback.handler.class",
          "sasl.oauthbearer.token.endpoint.url",
          "ssl.truststore.location",
          "ssl.truststore.password",
          "ssl.truststore.type",
          "ssl.truststore.certificates",
          "ssl.keystore.location",
          "ssl.keystore.password",
          "ssl.keystore.type",
          "ssl.key.password",
          "ssl.endpoint.identification.algorithm");

  private Map<String, String> security = Map.of();
  private Admin admin;

  @PostConstruct
  void readSecurity() {
    var config = ConfigProvider.getConfig();
    security = security(key -> config.getOptionalValue(key, String.class));
  }

  void preload(@Observes @Initialized(ApplicationScoped.class) Object started) {
    if (configured()) {
      ApiKeys.values();
    }
  }

  public boolean configured() {
    return bootstrapServers.filter(value -> !value.isBlank()).isPresent();
  }

  /**
   * The settings of every Kafka client of the node: the brokers, and how to reach them securely,
   * from {@code kafka.<client setting>} ({@link #SECURITY}; as environment variables {@code
   * KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, ...).
   */
  public Properties clientProperties() {
    var properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.orElseThrow());
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "codeshare");
    properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    security.forEach(properties::put);
    return properties;
  }

  /** The client settings among {@link #SECURITY} that {@code setting} gives a value. */
  static Map<String, String> security(Function<String, Optional<String>> setting) {
    var values = new TreeMap<String, String>();
    for (var key : SECURITY) {
      setting
          .apply("kafka." + key)
          .filter(value -> !value.isBlank())
          .ifPresent(value -> values.put(key, value));
    }
    return values;
  }

  private synchronized Admin admin() {
    if (admin == null) {
      var properties = clientProperties();
      properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMillis));
      properties.put(
          AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(timeoutMillis));
      admin = Admin.create(properties);
    }
    return admin;
  }

  public Probe check() {
    if (!configured()) {
      return Probe.notConfigured("kafka", "outbox-only");
    }
    return Probe.time(
        "kafka",
        "kafka",
        () -> {
          try {
            var nodes =
                admin()
                    .describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis))
                    .nodes()
                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
            if (nodes.isEmpty()) {
              throw new IllegalStateException("no broker available");
            }
          } catch (Exception | LinkageError e) {
            discardAdmin();
            throw e;
          }
        });
  }

  private synchronized void discardAdmin() {
    if (admin != null) {
      admin.close(Duration.ZERO);
      admin = null;
    }
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
