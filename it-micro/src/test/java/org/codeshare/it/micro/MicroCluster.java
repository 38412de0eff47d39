package org.codeshare.it.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.RealServers;

/**
 * Payara Micro nodes of their own, sharing the real PostgreSQL and Redis and the configured token
 * key pair (each with a data directory of its own), all configured with the same administrator,
 * started side by side. Presence heartbeats fast (a dead node's connections leave within about
 * {@link #TTL}), and editor connects are limited per address as in production.
 */
final class MicroCluster implements AutoCloseable {

  static final Duration TTL = Duration.ofSeconds(2);
  static final String ADMIN_EMAIL = "admin@cluster.example.org";
  static final String ADMIN_PASSWORD = "the cluster's administrator";

  private final List<MicroNode> nodes;

  private MicroCluster(List<MicroNode> nodes) {
    this.nodes = nodes;
  }

  static MicroCluster start(RealServers servers, int size) {
    Map<String, String> environment = new LinkedHashMap<>(servers.appEnvironment());
    environment.put("CODESHARE_PRESENCE_HEARTBEAT_INTERVAL", "PT0.5S");
    environment.put("CODESHARE_PRESENCE_TTL", TTL.toString());
    environment.put("CODESHARE_RATELIMIT_WEBSOCKET_CONNECTS_PER_MINUTE", "15");
    environment.put("CODESHARE_ADMIN_EMAIL", ADMIN_EMAIL); // every node creates it if missing
    environment.put("CODESHARE_ADMIN_PASSWORD", ADMIN_PASSWORD);
    var starting = new ArrayList<CompletableFuture<MicroNode>>();
    for (int i = 0; i < size; i++) {
      // A data directory each: the nodes share the token key through its settings alone
      var own = new LinkedHashMap<>(environment);
      own.put("CODESHARE_DATA_DIR", dataDirectory());
      starting.add(CompletableFuture.supplyAsync(() -> MicroNode.start(own)));
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

  /** Under the module's build directory, so that the build's clean removes it with the rest. */
  private static String dataDirectory() {
    try {
      var target = Files.createDirectories(Path.of("target"));
      return Files.createTempDirectory(target, "node-data-").toAbsolutePath().toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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
