package org.codeshare.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The application's schema on a real PostgreSQL (embedded binaries) and on the embedded default (an
 * H2 file database under a directory of the test's), for tests that run on both.
 */
public final class BothDatabases implements AutoCloseable {

  private final EmbeddedPostgres embedded;
  private final TestDatabase postgres;
  private final TestDatabase h2;

  private BothDatabases(EmbeddedPostgres embedded, TestDatabase postgres, TestDatabase h2) {
    this.embedded = embedded;
    this.postgres = postgres;
    this.h2 = h2;
  }

  public static BothDatabases start(Path h2Directory) throws IOException {
    var embedded = EmbeddedPostgres.builder().start();
    var postgres =
        TestDatabase.of("PostgreSQL", embedded.getJdbcUrl("postgres", "postgres"), "postgres");
    return new BothDatabases(embedded, postgres, TestDatabase.h2(h2Directory));
  }

  public TestDatabase postgres() {
    return postgres;
  }

  /** PostgreSQL, then H2. */
  public List<TestDatabase> list() {
    return List.of(postgres, h2);
  }

  @Override
  public void close() throws IOException {
    postgres.factory().close();
    h2.factory().close();
    embedded.close();
  }
}
