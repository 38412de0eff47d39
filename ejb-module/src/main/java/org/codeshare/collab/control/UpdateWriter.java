package org.codeshare.collab.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.codeshare.collab.entity.Update;
import org.codeshare.database.control.Migrations;
import org.codeshare.events.control.EventRows;
import org.codeshare.events.entity.OutboxEvent;
import org.codeshare.rooms.entity.RoomRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The editing path's commit in the common case, in plain JDBC: one guarded {@code update rooms}
 * that moves the version only if the room is still at the expected one, still there and open to
 * every pusher's role (it also takes the row lock that orders writers on all nodes), the updates
 * and their {@code document.updated} events. On PostgreSQL that is one statement (data-modifying
 * {@code with} clauses over arrays) in autocommit, shared with the other rooms committing at the
 * same time ({@link GroupCommit}, at most {@code codeshare.collab.commit-max-rooms}): one round
 * trip, committed when it returns. On other databases it is the update and two batches in one
 * transaction. When the guard does not hold, nothing is written and the caller takes {@link
 * UpdateLog#appendAll}, which tells why (another node was first, a lock, a deletion) and deals with
 * it.
 */
@ApplicationScoped
public class UpdateWriter {

  private static final String MOVE_VERSION =
      "update rooms set version = ?, updated_at = ? where id = ? and version = ?"
          + " and deleted_at is null";
  private static final String ONLY_UNLOCKED = " and locked = false";
  private static final String INSERT_UPDATE =
      "insert into room_updates (room_id, version, client_id, author_id, changes, created_at)"
          + " values (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT =
      "insert into outbox (topic, event_key, payload, created_at) values (?, ?, ?, ?)";

  @Resource(lookup = Migrations.DATA_SOURCE)
  DataSource dataSource;

  @Resource ManagedThreadFactory threads;

  @Inject EventRows events;

  @Inject
  @ConfigProperty(name = "codeshare.collab.commit-max-rooms", defaultValue = "64")
  int maxRooms = 64;

  Clock clock = Clock.systemUTC();

  private volatile Boolean postgres;
  private volatile GroupCommit group;
  private ExecutorService committer;

  /** One room's commit: the pushes after version {@code expected}, up to {@code version}. */
  record Batch(
      UUID roomId,
      long expected,
      long version,
      List<UpdateLog.Authored> pushes,
      List<OutboxEvent> rows,
      Timestamp at,
      boolean ownersOnly) {}

  /**
   * Appends the pushes after version {@code expected}, in order, in one transaction; empty when the
   * room is not at {@code expected}, is gone, or is locked for one of the roles (nothing written).
   *
   * @throws IllegalStateException when the database fails; the commit may or may not have happened
   */
  public Optional<UpdateLog.Committed> tryAppend(
      UUID roomId, long expected, List<UpdateLog.Authored> pushes) {
    try {
      return submit(roomId, expected, pushes).join();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException failure ? failure : e;
    }
  }

  /**
   * {@link #tryAppend} without waiting: on PostgreSQL the statement is written by the committer
   * thread, with the other rooms' batches waiting then, and the future completes there (the
   * caller's thread is free meanwhile); elsewhere it is written at once.
   */
  public CompletableFuture<Optional<UpdateLog.Committed>> submit(
      UUID roomId, long expected, List<UpdateLog.Authored> pushes) {
    boolean ownersOnly = true;
    for (var push : pushes) {
      if (!push.role().atLeast(RoomRole.EDITOR)) {
        return CompletableFuture.completedFuture(Optional.empty()); // the careful path answers it
      }
      ownersOnly &= push.role() == RoomRole.OWNER;
    }
    var now = clock.instant();
    var at = Timestamp.from(now);
    var committed = new ArrayList<Update>();
    var rows = new ArrayList<OutboxEvent>();
    long version = expected;
    for (var push : pushes) {
      long first = version;
      version += push.updates().size();
      committed.addAll(push.updates());
      rows.add(events.documentUpdated(roomId, push.authorId(), first, version, now));
    }
    var batch = new Batch(roomId, expected, version, pushes, rows, at, ownersOnly);
    var result = new UpdateLog.Committed(expected, List.of(), committed);
    try {
      var moved =
          isPostgres()
              ? group().submit(batch)
              : CompletableFuture.completedFuture(appendInSteps(batch));
      return moved.handle(
          (done, failure) -> {
            if (failure != null) {
              var cause = failure instanceof CompletionException ? failure.getCause() : failure;
              throw new IllegalStateException("append failed in room " + roomId, cause);
            }
            if (!done) {
              return Optional.<UpdateLog.Committed>empty();
            }
            events.written();
            return Optional.of(result);
          });
    } catch (SQLException e) {
      return CompletableFuture.failedFuture(
          new IllegalStateException("append failed in room " + roomId, e));
    }
  }

  private boolean isPostgres() throws SQLException {
    if (postgres == null) {
      try (var connection = dataSource.getConnection()) {
        postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
      }
    }
    return postgres;
  }

  GroupCommit group() {
    if (group == null) {
      synchronized (this) {
        if (group == null) {
          committer =
              Executors.newSingleThreadExecutor(threads == null ? UpdateWriter::daemon : threads);
          group = new GroupCommit(dataSource, maxRooms, committer);
        }
      }
    }
    return group;
  }

  /** The committer's thread outside a container (tests, tools). */
  private static Thread daemon(Runnable task) {
    var thread = new Thread(task, "codeshare-commit");
    thread.setDaemon(true);
    return thread;
  }

  /** Gives the commit's kept connection back when editing has paused. */
  public void releaseIdleConnection() {
    var current = group;
    if (current != null) {
      current.releaseIfIdle();
    }
  }

  @PreDestroy
  synchronized void close() {
    var current = group;
    if (current != null) {
      current.close();
      committer.shutdown();
    }
  }

  private boolean appendInSteps(Batch batch) throws SQLException {
    try (var connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        if (!moveVersion(connection, batch)) {
          connection.rollback();
          return false;
        }
        insertUpdates(connection, batch);
        insertEvents(connection, batch.rows());
        connection.commit();
        return true;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(connection, e);
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    }
  }

  private static boolean moveVersion(Connection connection, Batch batch) throws SQLException {
    var sql = batch.ownersOnly() ? MOVE_VERSION : MOVE_VERSION + ONLY_UNLOCKED;
    try (var statement = connection.prepareStatement(sql)) {
      statement.setLong(1, batch.version());
      statement.setTimestamp(2, batch.at());
      statement.setObject(3, batch.roomId());
      statement.setLong(4, batch.expected());
      return statement.executeUpdate() == 1;
    }
  }

  private static void insertUpdates(Connection connection, Batch batch) throws SQLException {
    try (var statement = connection.prepareStatement(INSERT_UPDATE)) {
      long version = batch.expected();
      for (var push : batch.pushes()) {
        for (var update : push.updates()) {
          statement.setObject(1, batch.roomId());
          statement.setLong(2, ++version);
          statement.setString(3, update.clientId());
          statement.setObject(4, push.authorId());
          statement.setString(5, update.changes().toJsonText());
          statement.setTimestamp(6, batch.at());
          statement.addBatch();
        }
      }
      statement.executeBatch();
    }
  }

  private static void insertEvents(Connection connection, List<OutboxEvent> rows)
      throws SQLException {
    try (var statement = connection.prepareStatement(INSERT_EVENT)) {
      for (var row : rows) {
        statement.setString(1, row.topic());
        statement.setString(2, row.eventKey());
        statement.setString(3, row.payload());
        statement.setTimestamp(4, Timestamp.from(row.createdAt()));
        statement.addBatch();
      }
      statement.executeBatch();
    }
  }

  private static void rollbackQuietly(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }
}
