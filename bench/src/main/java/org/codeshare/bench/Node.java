package org.codeshare.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.Json;
import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codeshare.collab.entity.ChangeSet;

/**
 * The node under test: PostgreSQL (embedded binaries, {@code synchronous_commit=on}: a commit is on
 * disk before it returns) and one Payara Micro process running the CodeShare WAR with the full JIT,
 * no clustering, on a free port.
 */
final class Node implements AutoCloseable {

  /** The node's JVM flags that {@code ./codeshare run} and the images set (docs/operations.md). */
  static final List<String> SHIPPED_JVM = List.of("-XX:MaxGCPauseMillis=20");

  private final EmbeddedPostgres postgres;
  private final Process process;
  final URI base;
  final long pid;
  final Path log;

  /** The node's JVM, read from outside. */
  final Jvm jvm;

  private java.sql.Connection walConnection; // kept: a new one a second forks a backend each time

  Node(EmbeddedPostgres postgres, Process process, URI base, long pid, Path log, Path java) {
    this.postgres = postgres;
    this.jvm = new Jvm(pid, java, log.resolveSibling("threads"));
    this.process = process;
    this.base = base;
    this.pid = pid;
    this.log = log;
  }

  /** Starts PostgreSQL and the node; returns once {@code /health/ready} answers 200. */
  static Node start(Options options) throws Exception {
    if (options.reference != null) {
      return ReferenceServer.start(options);
    }
    var dir = Files.createTempDirectory("codeshare-bench-");
    var database =
        EmbeddedPostgres.builder()
            .setPort(freePort())
            .setDataDirectory(dir.resolve("pg"))
            .setServerConfig("listen_addresses", "127.0.0.1")
            .setServerConfig("unix_socket_directories", dir.resolve("pg").toString())
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .setServerConfig("max_connections", "300")
            .setPGStartupWait(Duration.ofSeconds(60));
    options.postgresConfig.forEach(database::setServerConfig);
    var postgres = database.start();
    var jdbc = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    int port = freePort();
    var command = new ArrayList<String>();
    command.add(options.serverJava.resolve("bin").resolve("java").toString());
    command.add("-Xmx" + options.serverHeap);
    command.addAll(SHIPPED_JVM);
    command.addAll(options.serverJvmArgs); // the last of a repeated flag wins
    command.addAll(
        List.of(
            "-jar",
            options.microJar.toString(),
            "--nocluster",
            "--port",
            Integer.toString(port),
            "--rootdir",
            dir.resolve("micro").toString(),
            "--deploy",
            options.war.toString(),
            "--contextroot",
            "/"));
    command.addAll(options.microArgs);
    var log = dir.resolve("payara-micro.log");
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    var env = builder.environment();
    env.putAll(
        Map.of(
            "DATABASE_URL", jdbc,
            "DB_USER", "postgres",
            "DB_PASSWORD", "postgres",
            "CODESHARE_RATELIMIT_ENABLED", "false",
            // the whole history stays, so that every room can be checked by replaying it from 1
            "CODESHARE_HISTORY_KEEP_UPDATES", "1000000000",
            "CODESHARE_DATA_DIR", dir.resolve("data").toString()));
    env.putAll(options.serverEnv);
    var node =
        started(postgres, builder.start(), port, log, options.serverJava, Duration.ofMinutes(5));
    Report.line(
        "node pid "
            + node.pid
            + " on "
            + node.base
            + ", log "
            + log
            + ", JDK "
            + options.serverJava);
    return node;
  }

  /**
   * The server {@code process} answering on {@code port}, once its {@code /health/ready} answers
   * 200 within {@code timeout}; stopped (with {@code postgres}, if any) when it does not.
   */
  static Node started(
      EmbeddedPostgres postgres, Process process, int port, Path log, Path java, Duration timeout)
      throws Exception {
    var node =
        new Node(
            postgres,
            process,
            URI.create("http://127.0.0.1:" + port + "/"),
            process.pid(),
            log,
            java);
    try {
      node.awaitReady(timeout);
    } catch (Exception e) {
      node.close();
      throw e;
    }
    return node;
  }

  private void awaitReady(Duration timeout) throws Exception {
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited; see " + log);
      }
      try {
        var response =
            client.send(
                HttpRequest.newBuilder(base.resolve("health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // still starting
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException("the server is not ready in " + timeout + "; see " + log);
  }

  /** Bytes of WAL PostgreSQL has written since it was created; -1 when it cannot say. */
  long walBytes() {
    if (postgres == null) {
      return -1;
    }
    try {
      synchronized (this) {
        if (walConnection == null) {
          var jdbc = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
          walConnection = DriverManager.getConnection(jdbc, "postgres", "postgres");
        }
        try (var s = walConnection.createStatement();
            var rows = s.executeQuery("select pg_current_wal_lsn() - '0/0'::pg_lsn")) {
          rows.next();
          return rows.getLong(1);
        }
      }
    } catch (java.sql.SQLException e) {
      return -1;
    }
  }

  /** The node's connection and room gauges, as its metrics endpoint gives them. */
  String gauges() {
    try {
      var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      var body =
          client
              .send(
                  HttpRequest.newBuilder(base.resolve("metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return body.lines()
          .filter(
              l ->
                  l.startsWith("codeshare_websocket_connections_active")
                      || l.startsWith("codeshare_rooms_active"))
          .toList()
          .toString();
    } catch (IOException e) {
      return "unreadable (" + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /** A room's document as PostgreSQL holds it: {@code room_updates} replayed in order. */
  Stored stored(String slug) throws Exception {
    if (postgres == null) {
      return ReferenceServer.stored(base, slug);
    }
    var jdbc = "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    try (var c = DriverManager.getConnection(jdbc, "postgres", "postgres");
        var s =
            c.prepareStatement(
                "select u.version, u.changes from room_updates u join rooms r on r.id = u.room_id"
                    + " where r.slug = ? order by u.version")) {
      s.setString(1, slug);
      var doc = "";
      long version = 0;
      try (var rows = s.executeQuery()) {
        while (rows.next()) {
          if (rows.getLong(1) != ++version) {
            throw new IllegalStateException("history of " + slug + " has a gap at " + version);
          }
          try (var reader = Json.createReader(new StringReader(rows.getString(2)))) {
            doc = ChangeSet.fromJson(reader.readArray()).apply(doc);
          }
        }
      }
      return new Stored(version, doc);
    }
  }

  /** The committed version and text of a room. */
  record Stored(long version, String doc) {}

  @Override
  public void close() throws Exception {
    synchronized (this) {
      if (walConnection != null) {
        walConnection.close();
      }
    }
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
