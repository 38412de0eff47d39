package org.codeshare.collab.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The editing commit's pooled connection, with its statement prepared, kept between statements
 * while the node is editing: taking a connection from the pool for each statement cost more of the
 * node's CPU than the statement, and with many rooms committing it queued the commits behind the
 * pool. A connection unused for {@link #IDLE} goes back to the pool (by the next statement or by
 * {@link #releaseIfIdle}), and a connection whose statement failed is not used again, so after a
 * database restart at most one statement fails. Not thread-safe: its owner hands it from thread to
 * thread under its own lock.
 */
final class CommitConnection {

  /** How long a kept connection may stay unused before it goes back to the pool. */
  static final long IDLE = TimeUnit.SECONDS.toNanos(1);

  private static final Logger LOG = Logger.getLogger(CommitConnection.class.getName());

  private final DataSource dataSource;
  private final String sql;
  private Connection connection;
  private PreparedStatement statement;
  private long lastUsed;

  CommitConnection(DataSource dataSource, String sql) {
    this.dataSource = dataSource;
    this.sql = sql;
  }

  /** The prepared statement, on the kept connection or on a fresh one from the pool. */
  PreparedStatement statement() throws SQLException {
    releaseIfIdle(System.nanoTime());
    if (connection == null) {
      var opened = dataSource.getConnection();
      try {
        opened.setAutoCommit(true);
        statement = opened.prepareStatement(sql);
      } catch (SQLException | RuntimeException e) {
        opened.close();
        throw e;
      }
      connection = opened;
    }
    return statement;
  }

  Connection connection() {
    return connection;
  }

  /** The statement answered: the connection stays. */
  void used() {
    lastUsed = System.nanoTime();
  }

  /** The statement failed: the connection goes back to the pool, which checks it before reuse. */
  void failed() {
    close();
  }

  /** Gives the connection back when it has not been used for {@link #IDLE}. */
  void releaseIfIdle(long now) {
    if (connection != null && now - lastUsed > IDLE) {
      close();
    }
  }

  boolean holding() {
    return connection != null;
  }

  /**
   * Gives the connection back as the application stops. The pool may have closed it already; then
   * it is only dropped, since closing it again would only make the pool log a failure.
   */
  void release() {
    try {
      if (connection != null && !connection.isValid(1)) {
        connection = null;
        statement = null;
      }
    } catch (SQLException | RuntimeException e) {
      connection = null;
      statement = null;
    }
    close();
  }

  private void close() {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.FINE, "giving the commit connection back failed", e);
    }
    connection = null;
    statement = null;
  }
}
