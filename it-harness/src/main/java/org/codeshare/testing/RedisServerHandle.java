package org.codeshare.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * Redis (signal embedded-redis binary) bound to 127.0.0.1. It saves an RDB snapshot into its own
 * temp directory on stop, so keys survive {@code stopRedis()/startRedis()}.
 */
public final class RedisServerHandle implements ManagedServer {
  private final int port;
  private final RedisServer server;

  RedisServerHandle(int port, Path dir) throws Exception {
    this(port, dir, null);
  }

  /**
   * @param password what every client must give ({@code requirepass}), or null for none
   */
  public RedisServerHandle(int port, Path dir, String password) throws Exception {
    this.port = port;
    Files.createDirectories(dir);
    var builder =
        RedisServer.builder()
            .port(port)
            .bind(Ports.HOST)
            .setting("dir " + dir.toAbsolutePath())
            .setting("save 3600 1")
            .setting("appendonly no")
            .setting("daemonize no");
    if (password != null) {
      builder.setting("requirepass " + password);
    }
    this.server = builder.build();
  }

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public int port() {
    return port;
  }

  String url() {
    return "redis://" + Ports.HOST + ":" + port;
  }

  @Override
  public synchronized void start() {
    if (!server.isActive()) {
      server.start();
    }
  }

  @Override
  public synchronized void stop() {
    server.stop();
  }

  @Override
  public synchronized boolean isRunning() {
    return server.isActive();
  }
}
