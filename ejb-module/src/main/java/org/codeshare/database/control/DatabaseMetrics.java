package org.codeshare.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The connection pool as the application sees it: physical connections open against the pool's
 * maximum (the pool opens more only when every open one is in use, so open near max means the pool
 * is close to exhausted), and failed attempts to open one.
 */
@ApplicationScoped
public class DatabaseMetrics {

  @Inject MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName("codeshare_db_connections_open")
            .withDescription("Physical database connections the pool holds open")
            .build(),
        PhysicalConnections::open);
    registry.gauge(
        Metadata.builder()
            .withName("codeshare_db_pool_max")
            .withDescription("Most connections the pool may open")
            .build(),
        () -> Migrations.MAX_POOL_SIZE);
    registry.gauge(
        Metadata.builder()
            .withName("codeshare_db_connection_failures")
            .withDescription("Failed attempts to open a database connection since start")
            .build(),
        PhysicalConnections::failures);
  }
}
