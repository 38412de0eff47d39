package org.codeshare.events.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.codeshare.health.entity.Probe;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Kafka, when {@code KAFKA_BOOTSTRAP_SERVERS} is set. Without it, events stay in the outbox table.
 */
@ApplicationScoped
public class KafkaConnection {

  @Inject
  @ConfigProperty(name = "KAFKA_BOOTSTRAP_SERVERS")
  Optional<String> bootstrapServers;

  @Inject
  @ConfigProperty(name = "codeshare.kafka.timeout-millis", defaultValue = "2000")
  int timeoutMillis;

  private Admin admin;

  public boolean configured() {
    return bootstrapServers.filter(value -> !value.isBlank()).isPresent();
  }

  public Properties clientProperties() {
    var properties = new Properties();
    properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers.orElseThrow());
    properties.put(AdminClientConfig.CLIENT_ID_CONFIG, "codeshare");
    properties.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
    return properties;
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
          var nodes =
              admin()
                  .describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis))
                  .nodes()
                  .get(timeoutMillis, TimeUnit.MILLISECONDS);
          if (nodes.isEmpty()) {
            throw new IllegalStateException("no broker available");
          }
        });
  }

  @PreDestroy
  synchronized void close() {
    if (admin != null) {
      admin.close();
    }
  }
}
