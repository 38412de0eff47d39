package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.Ports;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The backup and restore of the operations guide, done for real: {@code pg_dump} of a database with
 * rooms, {@code psql} into a fresh database, and a node started on the restored database serves the
 * same rooms and text. PostgreSQL here is the major version of the installed client tools ({@code
 * codeshare.it.pg-bin}, Debian's postgresql-client), since pg_dump refuses servers newer than
 * itself.
 */
@ExtendWith(RealServersExtension.class)
class BackupRestoreIT {

  private static final String USER = "postgres";
  private static final String PASSWORD = "backup-test-password";

  @TempDir Path work;

  @Test
  void aDumpRestoredIntoAFreshDatabaseServesTheSameRooms(RealServers servers) throws Exception {
    try (var postgres = startPostgres()) {
      int port = postgres.getPort();
      execute(port, "postgres", "create database codeshare");
      execute(port, "postgres", "create database codeshare_restored");

      String slug;
      String text = "class Backup {\n  // restored as typed\n}\n";
      try (var node = MicroNode.start(environment(servers, port, "codeshare"))) {
        var rooms = new EditorRooms(node.client());
        var created =
            node.client().postJson("api/rooms", "{\"title\":\"Kept\",\"language\":\"go\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        slug = created.json().getString("slug");
        var room = new EditorRooms.Room(slug, null);
        var editor = new CollabEditor(rooms.guest(room, "Typist"), "typist");
        try {
          for (var line : text.split("(?<=\n)")) {
            Typing.append(editor, line);
          }
        } finally {
          editor.client.close();
        }
      }

      var dump = work.resolve("codeshare.sql");
      run(
          port,
          tool("pg_dump"),
          "--no-owner",
          "--no-privileges",
          "--file=" + dump,
          "--dbname=" + url(port, "codeshare"));
      assertThat(Files.readString(dump, StandardCharsets.UTF_8)).contains("room_updates");
      run(
          port,
          tool("psql"),
          "--set=ON_ERROR_STOP=1",
          "--quiet",
          "--file=" + dump,
          "--dbname=" + url(port, "codeshare_restored"));

      try (var node = MicroNode.start(environment(servers, port, "codeshare_restored"))) {
        var room = node.client().get("api/rooms/" + slug);
        assertThat(room.status()).as(room.body()).isEqualTo(200);
        assertThat(room.json().getString("title")).isEqualTo("Kept");
        assertThat(room.json().getString("language")).isEqualTo("go");
        var rooms = new EditorRooms(node.client());
        try (var reader = rooms.guest(new EditorRooms.Room(slug, null), "Reader")) {
          var hello = reader.next("hello");
          assertThat(hello.getString("doc")).isEqualTo(text);
          assertThat(hello.getJsonNumber("version").longValue())
              .as("one update per typed line")
              .isEqualTo(text.split("(?<=\n)").length);
        }
      }
    }
  }

  private EmbeddedPostgres startPostgres() throws IOException {
    var binaries = Path.of(System.getProperty("codeshare.it.backup.pg-binaries"));
    return EmbeddedPostgres.builder()
        .setPort(Ports.freePort())
        .setDataDirectory(work.resolve("pgdata"))
        .setCleanDataDirectory(true)
        .setServerConfig("listen_addresses", "127.0.0.1")
        .setServerConfig("unix_socket_directories", work.toString())
        .setPGStartupWait(Duration.ofSeconds(60))
        .setPgBinaryResolver(
            (system, machine) -> {
              // the jar holds the one archive of its platform (linux x86_64)
              var zip = new ZipFile(binaries.toFile());
              var archive =
                  zip.stream().filter(entry -> entry.getName().endsWith(".txz")).findFirst();
              if (archive.isEmpty()) {
                zip.close();
                throw new IOException("no PostgreSQL archive in " + binaries);
              }
              return zip.getInputStream(archive.get());
            })
        .start();
  }

  private static Map<String, String> environment(RealServers servers, int port, String database) {
    var environment = new HashMap<>(servers.appEnvironment());
    environment.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:" + port + "/" + database);
    environment.put("DB_USER", USER);
    environment.put("DB_PASSWORD", PASSWORD);
    return environment;
  }

  private static void execute(int port, String database, String sql) throws Exception {
    try (var connection =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port + "/" + database, USER, "");
        var statement = connection.createStatement()) {
      statement.execute(sql);
      statement.execute("alter user " + USER + " password '" + PASSWORD + "'");
    }
  }

  private static String url(int port, String database) {
    return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + database;
  }

  private static String tool(String name) {
    var dir = Path.of(System.getProperty("codeshare.it.pg-bin", "/usr/lib/postgresql/15/bin"));
    var tool = dir.resolve(name);
    if (!Files.isExecutable(tool)) {
      throw new IllegalStateException(
          tool
              + " is missing: install postgresql-client (.ci/run does) or set codeshare.it.pg-bin");
    }
    return tool.toString();
  }

  private static void run(int port, String... command) throws Exception {
    var process =
        new ProcessBuilder(List.of(command))
            .redirectErrorStream(true)
            .redirectOutput(Files.createTempFile("pg-tool-", ".log").toFile());
    process.environment().put("PGPASSWORD", PASSWORD);
    var started = process.start();
    assertThat(started.waitFor(2, TimeUnit.MINUTES)).as(command[0] + " finished").isTrue();
    assertThat(started.exitValue())
        .as(
            command[0]
                + " exit code; output: "
                + Files.readString(process.redirectOutput().file().toPath()))
        .isZero();
  }
}
