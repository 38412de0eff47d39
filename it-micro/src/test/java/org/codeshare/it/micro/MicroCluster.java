package org.codeshare.it.micro;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.RealServers;

/**
 * Payara Micro nodes of their own, sharing the real PostgreSQL and Redis, started side by side.
 * Presence heartbeats fast (a dead node's connections leave within about {@link #TTL}), and editor
 * connects are limited per address as in production.
 */
final class MicroCluster implements AutoCloseable {

  static final Duration TTL = Duration.ofSeconds(2);

  private final List<MicroNode> nodes;

  private MicroCluster(List<MicroNode> nodes) {
    this.nodes = nodes;
  }

  static MicroCluster start(RealServers servers, int size) {
    Map<String, String> environment = new LinkedHashMap<>(servers.appEnvironment());
    environment.put("CODESHARE_PRESENCE_HEARTBEAT_INTERVAL", "PT0.5S");
    environment.put("CODESHARE_PRESENCE_TTL", TTL.toString());
    environment.put("CODESHARE_RATELIMIT_WEBSOCKET_CONNECTS_PER_MINUTE", "15");
    var starting = new ArrayList<CompletableFuture<MicroNode>>();
    for (int i = 0; i < size; i++) {
      starting.add(CompletableFuture.supplyAsync(() -> MicroNode.start(environment)));
    }
    var started = new ArrayList<MicroNode>();
    try {
      for (var node : starting) {
        started.add(node.join());
      }
      return new MicroCluster(started);
    } catch (RuntimeException e) {
      starting.forEach(node -> node.thenAccept(MicroNode::close));
      throw e;
    }
  }

  MicroNode node(int index) {
    return nodes.get(index);
  }

  @Override
  public void close() {
    nodes.forEach(MicroNode::close);
  }
}
