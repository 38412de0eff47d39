package org.codeshare.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.codeshare.rooms.entity.RoomCreated;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Counts rooms once their creation has committed. */
@ApplicationScoped
public class RoomMetrics {

  public static final String ROOMS_CREATED = "codeshare_rooms_created";

  @Inject MetricRegistry registry;

  private Counter created;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    counter();
  }

  void onCreated(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomCreated event) {
    counter().inc();
  }

  private Counter counter() {
    if (created == null) {
      created =
          registry.counter(
              Metadata.builder()
                  .withName(ROOMS_CREATED)
                  .withDescription("Rooms created since this node started")
                  .build());
    }
    return created;
  }
}
