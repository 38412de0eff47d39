package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.Readiness;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node that reaches Kafka only through a listener that wants SASL/PLAIN, with the account in
 * {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM} and {@code KAFKA_SASL_JAAS_CONFIG}
 * as a managed Kafka service asks: its readiness sees the broker and its events arrive.
 */
@ExtendWith(RealServersExtension.class)
class KafkaSecurityIT {

  @Test
  void aNodePublishesItsEventsThroughTheSaslListener(RealServers servers) {
    var topic = "codeshare.sasl-events." + UUID.randomUUID();
    var environment = new HashMap<>(servers.appEnvironment());
    environment.put("KAFKA_BOOTSTRAP_SERVERS", servers.kafkaSaslBootstrap());
    environment.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
    environment.put("KAFKA_SASL_MECHANISM", "PLAIN");
    environment.put(
        "KAFKA_SASL_JAAS_CONFIG", RealServers.kafkaSaslJaasConfig(RealServers.kafkaSaslPassword()));
    environment.put("CODESHARE_EVENTS_TOPIC", topic);
    try (var node = MicroNode.start(environment)) {
      var ready = node.client().get("health/ready");
      assertThat(ready.status()).as(ready.body()).isEqualTo(200);
      var kafka = Readiness.check(ready.json(), "kafka");
      assertThat(kafka.getString("status")).isEqualTo("UP");
      assertThat(kafka.getJsonObject("data").getString("state")).isEqualTo("UP");

      var room = new EditorRooms(node.client()).create();

      var events = read(servers.kafkaBootstrap(), topic, Duration.ofSeconds(60));
      assertThat(events).isNotEmpty();
      assertThat(String.join("\n", events)).contains("room.created");
      assertThat(room.slug()).isNotBlank();
    }
  }

  /** What the topic holds, read through the plain listener, once something arrived. */
  private static List<String> read(String bootstrap, String topic, Duration timeout) {
    var properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    properties.put(ConsumerConfig.GROUP_ID_CONFIG, "kafka-security-it-" + UUID.randomUUID());
    properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    properties.put(
        ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    properties.put(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    var values = new ArrayList<String>();
    try (var consumer = new KafkaConsumer<String, String>(properties)) {
      consumer.subscribe(List.of(topic));
      long deadline = System.nanoTime() + timeout.toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
      }
    }
    return values;
  }
}
