package org.codeshare.events.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** One event waiting in the outbox (or already published) with its JSON envelope. */
@Entity
@Table(name = "outbox")
@NamedQuery(
    name = OutboxEvent.PENDING,
    query = "select e from OutboxEvent e where e.publishedAt is null order by e.id")
public class OutboxEvent {

  public static final String PENDING = "OutboxEvent.pending";

  /** Unpublished events, counted up to the limit given as parameter 1 (SQL: JPQL has no limit). */
  public static final String BACKLOG =
      "select count(*) from (select 1 from outbox where published_at is null limit ?1) pending";

  public static final int MAX_PAYLOAD_LENGTH = 65_536;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, length = 100)
  private String topic;

  @Column(name = "event_key", nullable = false, length = 100)
  private String eventKey;

  @Column(nullable = false, length = MAX_PAYLOAD_LENGTH)
  private String payload;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "published_at")
  private Instant publishedAt;

  protected OutboxEvent() {}

  public OutboxEvent(String topic, String eventKey, String payload, Instant now) {
    this.topic = requireNonNull(topic, "topic");
    this.eventKey = requireNonNull(eventKey, "eventKey");
    this.payload = requireNonNull(payload, "payload");
    if (payload.length() > MAX_PAYLOAD_LENGTH) {
      throw new IllegalArgumentException("event payload too long: " + payload.length());
    }
    this.createdAt = requireNonNull(now, "now");
  }

  public void published(Instant now) {
    this.publishedAt = requireNonNull(now, "now");
  }

  public Long id() {
    return id;
  }

  public String topic() {
    return topic;
  }

  public String eventKey() {
    return eventKey;
  }

  public String payload() {
    return payload;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant publishedAt() {
    return publishedAt;
  }
}
