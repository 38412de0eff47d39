package org.codeshare.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.codeshare.events.entity.OutboxEvent;

/**
 * One relay round in one transaction: the oldest unpublished events are locked (a relay on another
 * node waits for this one, which keeps every room's events in order), sent, and the acknowledged
 * prefix marked published.
 */
@Stateless
public class OutboxBatch {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject EventProducer producer;

  Clock clock = Clock.systemUTC();

  /** Result of a round: how many were published and whether Kafka refused some. */
  public record Round(int published, boolean failed) {}

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Round publish(int limit) {
    var events =
        em.createNamedQuery(OutboxEvent.PENDING, OutboxEvent.class)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .setMaxResults(limit)
            .getResultList();
    if (events.isEmpty()) {
      return new Round(0, false);
    }
    int sent = producer.send(events);
    var now = clock.instant();
    for (int i = 0; i < sent; i++) {
      events.get(i).published(now);
    }
    return new Round(sent, sent < events.size());
  }

  /** Unpublished events, counted up to {@code limit}. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long backlog(int limit) {
    return ((Number)
            em.createNativeQuery(OutboxEvent.BACKLOG).setParameter(1, limit).getSingleResult())
        .longValue();
  }

  /**
   * Deletes events older than {@code before}: published ones, and unpublished ones too when no
   * Kafka is configured to publish them.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int prune(Instant before, boolean includeUnpublished) {
    var query =
        includeUnpublished
            ? "delete from OutboxEvent e where e.createdAt < :before"
            : "delete from OutboxEvent e where e.createdAt < :before and e.publishedAt is not null";
    return em.createQuery(query).setParameter("before", before).executeUpdate();
  }
}
