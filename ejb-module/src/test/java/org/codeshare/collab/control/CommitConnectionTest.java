package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The commit's kept connection against a real PostgreSQL, whose backends are its connections. */
class CommitConnectionTest {

  private static EmbeddedPostgres postgres;
  private static PGSimpleDataSource plain;

  private final AtomicInteger closes = new AtomicInteger();
  private final CommitConnection kept =
      new CommitConnection(countingCloses(), "select pg_backend_pid()");

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
    plain = new PGSimpleDataSource();
    plain.setUrl(postgres.getJdbcUrl("postgres", "postgres"));
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @AfterEach
  void giveBack() {
    kept.release();
  }

  @Test
  void statementsFollowingEachOtherShareOneConnection() throws SQLException {
    int first = backend();
    int second = backend();

    assertThat(second).isEqualTo(first);
    assertThat(closes).hasValue(0);
    assertThat(kept.holding()).isTrue();
  }

  @Test
  void anIdleConnectionGoesBackAndTheNextStatementTakesAnother() throws SQLException {
    int first = backend();

    kept.releaseIfIdle(System.nanoTime()); // just used: stays
    assertThat(kept.holding()).isTrue();
    kept.releaseIfIdle(System.nanoTime() + CommitConnection.IDLE + 1);

    assertThat(kept.holding()).isFalse();
    assertThat(closes).hasValue(1);
    assertThat(backend()).isNotEqualTo(first);
  }

  @Test
  void aConnectionWhoseStatementFailedIsNotUsedAgain() throws SQLException {
    int first = backend();
    terminate(first);

    assertThatThrownBy(() -> kept.statement().executeQuery()).isInstanceOf(SQLException.class);
    kept.failed();

    assertThat(closes).hasValue(1); // given back, so the pool can check and replace it
    assertThat(backend()).isNotEqualTo(first);
  }

  @Test
  void aConnectionClosedUnderItIsDroppedNotClosedAgainWhenTheApplicationStops()
      throws SQLException {
    var connection = kept.statement().getConnection();
    connection.close(); // what the pool does to its connections as the application stops
    closes.set(0);

    kept.release();

    assertThat(kept.holding()).isFalse();
    assertThat(closes).hasValue(0);
  }

  @Test
  void aHealthyConnectionIsGivenBackWhenTheApplicationStops() throws SQLException {
    backend();

    kept.release();

    assertThat(kept.holding()).isFalse();
    assertThat(closes).hasValue(1);
  }

  private int backend() throws SQLException {
    try (var result = kept.statement().executeQuery()) {
      result.next();
      kept.used();
      return result.getInt(1);
    }
  }

  private static void terminate(int pid) throws SQLException {
    try (var connection = plain.getConnection();
        var statement = connection.createStatement()) {
      statement.executeQuery("select pg_terminate_backend(" + pid + ")").close();
    }
  }

  /** The plain data source, counting the closes of the connections it hands out. */
  private DataSource countingCloses() {
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              var result = invoke(plain, method, args);
              return method.getName().equals("getConnection")
                  ? counted((Connection) result)
                  : result;
            });
  }

  private Connection counted(Connection connection) {
    return (Connection)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                closes.incrementAndGet();
              }
              return invoke(connection, method, args);
            });
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
