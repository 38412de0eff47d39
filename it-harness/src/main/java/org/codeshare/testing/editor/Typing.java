package org.codeshare.testing.editor;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.StringReader;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.testing.Await;
import org.codeshare.testing.RealServers;

/** Editors typing random edits at once, each on its own thread, and the checks that follow. */
public final class Typing {

  /** Below the server's 50 messages a second per connection. */
  private static final Duration PACE = Duration.ofMillis(30);

  private Typing() {}

  public static void together(List<CollabEditor> editors, int rounds) throws Exception {
    var pool = Executors.newFixedThreadPool(editors.size());
    try {
      var runs = new ArrayList<Callable<Void>>();
      for (int i = 0; i < editors.size(); i++) {
        var editor = editors.get(i);
        var random = new Random(7919L * i + 1);
        runs.add(() -> type(editor, random, rounds));
      }
      for (var run : pool.invokeAll(runs)) {
        run.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** Edits at a steady pace, sometimes several before pushing, then waits for confirmation. */
  private static Void type(CollabEditor editor, Random random, int rounds) {
    long next = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      while (System.nanoTime() < next) {
        editor.process(Duration.ofNanos(Math.max(1, next - System.nanoTime())));
      }
      for (int edit = 1 + random.nextInt(2); edit > 0; edit--) {
        editor.randomEdit(random);
      }
      editor.push();
      next = System.nanoTime() + PACE.toNanos();
    }
    long deadline = System.nanoTime() + EditorClient.WAIT.toNanos();
    while (!editor.unconfirmed.isEmpty() && System.nanoTime() < deadline) {
      if (!editor.process(Duration.ofMillis(500))) {
        editor.push();
      }
    }
    assertThat(editor.unconfirmed).as(editor.clientId + " unconfirmed").isEmpty();
    return null;
  }

  /** Types {@code text} at the end of {@code editor}'s document and waits for its confirmation. */
  public static void append(CollabEditor editor, String text) {
    editor.edit(Changes.replace(editor.doc.length(), editor.doc.length(), 0, text));
    editor.push();
    Await.until(
        editor.clientId + "'s edit confirmed",
        EditorClient.WAIT,
        () -> {
          editor.process(Duration.ofMillis(100));
          return editor.unconfirmed.isEmpty();
        });
  }

  /** Every editor reaches {@code version} with nothing of its own unconfirmed. */
  public static void settle(List<CollabEditor> editors, long version) {
    for (var editor : editors) {
      Await.until(
          editor.clientId + " at version " + version,
          EditorClient.WAIT,
          () -> {
            editor.process(Duration.ofMillis(100));
            return editor.version == version && editor.unconfirmed.isEmpty();
          });
    }
  }

  /** Every editor reaches {@code version} without errors and has {@code text}. */
  public static void converge(List<CollabEditor> editors, long version, String text) {
    for (var editor : editors) {
      Await.until(
          editor.clientId + " reaches version " + version,
          EditorClient.WAIT,
          () -> {
            editor.process(Duration.ofMillis(50));
            return editor.version == version;
          });
      assertThat(editor.errors).as(editor.clientId + " errors").isEmpty();
      assertThat(editor.unconfirmed).isEmpty();
      assertThat(editor.doc).as(editor.clientId).isEqualTo(text);
    }
  }

  /** The document replayed from room_updates in PostgreSQL, whose rooms.version must match. */
  public static String storedText(RealServers servers, String slug, long version) throws Exception {
    try (var connection =
        DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword())) {
      try (var query = connection.prepareStatement("select version from rooms where slug = ?")) {
        query.setString(1, slug);
        try (var row = query.executeQuery()) {
          assertThat(row.next()).isTrue();
          assertThat(row.getLong(1)).isEqualTo(version);
        }
      }
      var doc = "";
      try (var query =
          connection.prepareStatement(
              "select u.version, u.changes from room_updates u join rooms r on r.id = u.room_id"
                  + " where r.slug = ? order by u.version")) {
        query.setString(1, slug);
        try (var rows = query.executeQuery()) {
          long expected = 1;
          while (rows.next()) {
            assertThat(rows.getLong(1)).isEqualTo(expected++);
            try (var reader = Json.createReader(new StringReader(rows.getString(2)))) {
              doc = ChangeSet.fromJson(reader.readArray()).apply(doc);
            }
          }
        }
      }
      return doc;
    }
  }
}
