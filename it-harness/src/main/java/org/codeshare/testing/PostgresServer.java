package org.codeshare.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;

/** PostgreSQL (zonky embedded binaries) on 127.0.0.1; the data directory survives restarts. */
final class PostgresServer implements ManagedServer {
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";
  static final String DATABASE = "postgres";

  private final int port;
  private final Path dataDir;
  private EmbeddedPostgres postgres;

  PostgresServer(int port, Path dataDir) {
    this.port = port;
    this.dataDir = dataDir;
  }

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public int port() {
    return port;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + Ports.HOST + ":" + port + "/" + DATABASE;
  }

  @Override
  public synchronized void start() throws Exception {
    if (postgres != null) {
      return;
    }
    boolean fresh = !Files.exists(dataDir.resolve("postgresql.conf"));
    postgres =
        EmbeddedPostgres.builder()
            .setPort(port)
            .setDataDirectory(dataDir)
            .setCleanDataDirectory(false)
            .setServerConfig("listen_addresses", Ports.HOST)
            .setServerConfig("unix_socket_directories", dataDir.toString())
            .setPGStartupWait(Duration.ofSeconds(60))
            .start();
    if (fresh) {
      // initdb uses trust auth; also give the superuser the documented password, so clients
      // configured with md5/scram-style credentials work unchanged.
      try (Connection c = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
          Statement s = c.createStatement()) {
        s.execute("ALTER USER " + USER + " PASSWORD '" + PASSWORD + "'");
      }
    }
  }

  @Override
  public synchronized void stop() throws Exception {
    if (postgres != null) {
      try {
        postgres.close();
      } finally {
        postgres = null;
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return postgres != null;
  }
}
