package org.codeshare.events.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.codeshare.events.entity.OutboxEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The Kafka producer behind the relay: idempotent, {@code acks=all}, so retries inside the client
 * neither duplicate nor reorder the events of a room (one key, one partition).
 */
@ApplicationScoped
public class EventProducer {

  private static final Logger LOG = Logger.getLogger(EventProducer.class.getName());

  @Inject KafkaConnection connection;

  @Inject
  @ConfigProperty(name = "codeshare.outbox.send-timeout", defaultValue = "PT10S")
  Duration sendTimeout;

  private KafkaProducer<String, String> producer;

  public boolean configured() {
    return connection.configured();
  }

  /**
   * Sends the events in order and waits for the broker; returns how many from the start of the list
   * were acknowledged (all of them unless Kafka failed part-way).
   */
  public int send(List<OutboxEvent> events) {
    var pending = new ArrayList<Future<RecordMetadata>>(events.size());
    try {
      for (var event : events) {
        pending.add(
            producer()
                .send(new ProducerRecord<>(event.topic(), event.eventKey(), event.payload())));
      }
      producer().flush();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot send events to Kafka: " + e.getMessage());
    }
    int acknowledged = 0;
    long deadline = System.nanoTime() + sendTimeout.toNanos();
    for (var future : pending) {
      try {
        future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        acknowledged++;
      } catch (ExecutionException | TimeoutException e) {
        LOG.log(Level.WARNING, "Kafka did not take an event: " + e.getMessage());
        break;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return acknowledged;
  }

  private synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      var properties = connection.clientProperties();
      properties.put(ProducerConfig.ACKS_CONFIG, "all");
      properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
      properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
      properties.put(ProducerConfig.LINGER_MS_CONFIG, "5");
      long timeout = sendTimeout.toMillis();
      properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(timeout / 2));
      properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(timeout / 2));
      properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(timeout));
      properties.put(ProducerConfig.CLIENT_ID_CONFIG, "codeshare-outbox");
      // The client loads serializers through the thread's context class loader, which is the
      // server's on container threads; handing it the instances avoids that lookup.
      producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }
    return producer;
  }

  @PreDestroy
  synchronized void close() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
    }
  }
}
