package org.codeshare.collab.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.codeshare.collab.control.RoomSequencer;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** Gauges of live editing on this node, read from the socket registry when scraped. */
@ApplicationScoped
public class CollabMetrics {

  public static final String CONNECTIONS = "codeshare_websocket_connections_active";
  public static final String ROOMS = "codeshare_rooms_active";
  public static final String LOADED = "codeshare_rooms_loaded";

  @Inject MetricRegistry registry;
  @Inject EditorSessions sessions;
  @Inject RoomSequencer sequencer;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    registry.gauge(
        Metadata.builder()
            .withName(CONNECTIONS)
            .withDescription("Open editor sockets on this node")
            .build(),
        sessions::count);
    registry.gauge(
        Metadata.builder()
            .withName(ROOMS)
            .withDescription("Rooms with at least one open editor socket on this node")
            .build(),
        sessions::rooms);
    registry.gauge(
        Metadata.builder()
            .withName(LOADED)
            .withDescription("Rooms whose document this node holds in memory (unloaded when idle)")
            .build(),
        sequencer::loadedRooms);
  }
}
