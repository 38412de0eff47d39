package org.codeshare.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServers;

/** Reads {@code codeshare.events} from the beginning, as a downstream consumer would. */
final class EventLog implements AutoCloseable {

  static final String TOPIC = "codeshare.events";

  private final KafkaConsumer<String, String> consumer;
  private final List<Record> seen = new ArrayList<>();

  record Record(String key, JsonObject event) {
    String type() {
      return event.getString("type");
    }
  }

  EventLog(RealServers servers) {
    var properties = new Properties();
    properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap());
    properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer());
    var partitions =
        Await.value(
            "topic " + TOPIC + " exists",
            Duration.ofSeconds(60),
            () -> {
              var found = consumer.partitionsFor(TOPIC, Duration.ofSeconds(2));
              return found == null || found.isEmpty() ? null : found;
            });
    var assigned = partitions.stream().map(p -> new TopicPartition(TOPIC, p.partition())).toList();
    consumer.assign(assigned);
    consumer.seekToBeginning(assigned);
  }

  /** Every event of the room with this key, in log order, once {@code done} holds for them. */
  List<Record> until(String key, Duration timeout, Predicate<List<Record>> done) {
    try {
      return read(key, timeout, done);
    } catch (AssertionError e) {
      var types = seen.stream().filter(r -> r.key().equals(key)).map(Record::type).toList();
      throw new AssertionError(e.getMessage() + "; its events so far: " + types, e);
    }
  }

  private List<Record> read(String key, Duration timeout, Predicate<List<Record>> done) {
    return Await.value(
        "events of " + key,
        timeout,
        () -> {
          for (var record : consumer.poll(Duration.ofMillis(200))) {
            try (var reader = Json.createReader(new StringReader(record.value()))) {
              seen.add(new Record(record.key(), reader.readObject()));
            }
          }
          var mine = seen.stream().filter(r -> r.key().equals(key)).toList();
          return done.test(mine) ? mine : null;
        });
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(2));
  }
}
