package org.codeshare.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.codeshare.database.BothDatabases;
import org.codeshare.database.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The backlog count with the application's schema, on a real PostgreSQL and on the embedded default
 * (H2): unpublished events only, and no more than the limit.
 */
class OutboxBacklogTest {

  @TempDir static Path h2Directory;
  private static BothDatabases databases;

  @BeforeAll
  static void start() throws IOException, SQLException {
    databases = BothDatabases.start(h2Directory);
    for (var db : databases()) {
      for (int i = 0; i < 7; i++) {
        db.sql(
            "insert into outbox (topic, event_key, payload, created_at, published_at) values"
                + " ('codeshare.events', 'room', '{}', current_timestamp, "
                + (i < 2 ? "current_timestamp" : "null")
                + ")");
      }
    }
  }

  @AfterAll
  static void stop() throws IOException {
    databases.close();
  }

  static List<TestDatabase> databases() {
    return databases.list();
  }

  @ParameterizedTest
  @MethodSource("databases")
  void countsTheUnpublishedEvents(TestDatabase db) {
    assertThat(backlog(db, 100)).isEqualTo(5);
  }

  @ParameterizedTest
  @MethodSource("databases")
  void stopsCountingAtTheLimit(TestDatabase db) {
    assertThat(backlog(db, 3)).isEqualTo(3);
    assertThat(backlog(db, 5)).isEqualTo(5);
  }

  private static long backlog(TestDatabase db, int limit) {
    return db.inTransaction(
        em -> {
          var batch = new OutboxBatch();
          batch.em = em;
          return batch.backlog(limit);
        });
  }
}
