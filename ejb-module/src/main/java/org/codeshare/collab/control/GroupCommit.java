package org.codeshare.collab.control;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import javax.sql.DataSource;

/**
 * The commits of several rooms in one PostgreSQL statement. A room actor that finds no statement
 * under way writes its batch itself; while a statement runs, the batches handed in queue and the
 * actors go on with other work, and the committer thread writes them all in the next statement (at
 * most {@code maxRooms}), telling each whether its room moved. So no room thread waits for another
 * room's commit, and under load the statement is as large as the rooms that have something to
 * commit, not as the threads that could wait for it. A busy node so commits as often as the
 * database answers, not once per room. Each room keeps its own guard (its version, not deleted,
 * open to the pushers' roles): one room's refusal does not hold up the others. A room whose row
 * another transaction holds (a snapshot being recorded, another node's commit) is skipped, not
 * waited for: it does not move, and its actor takes the careful path, which waits for that room
 * alone; one such lock used to stall every room's commit on the node. Never waiting, two nodes
 * writing the same rooms cannot deadlock. The statement runs on a {@link CommitConnection}, kept
 * while the node is editing.
 */
final class GroupCommit {

  private static final String APPEND =
      "with want as (select * from unnest(?::uuid[], ?::bigint[], ?::bigint[], ?::boolean[])"
          + " as w(id, expected, version, owners_only)),"
          + " locked as (select r.id from rooms r join want w on r.id = w.id"
          + " where r.version = w.expected and r.deleted_at is null"
          + " and (w.owners_only or r.locked = false) order by r.id for update of r skip locked),"
          + " moved as (update rooms r set version = w.version, updated_at = ?"
          + " from want w join locked l on l.id = w.id where r.id = w.id returning r.id),"
          + " appended as (insert into room_updates"
          + " (room_id, version, client_id, author_id, changes, created_at)"
          + " select u.room_id, u.version, u.client_id, u.author_id, u.changes, ?"
          + " from unnest(?::uuid[], ?::bigint[], ?::varchar[], ?::uuid[], ?::varchar[])"
          + " as u(room_id, version, client_id, author_id, changes)"
          + " join moved m on m.id = u.room_id),"
          + " queued as (insert into outbox (topic, event_key, payload, created_at)"
          + " select e.topic, e.event_key, e.payload, e.created_at"
          + " from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::varchar[], ?::timestamptz[])"
          + " with ordinality as e(room_id, topic, event_key, payload, created_at, position)"
          + " join moved m on m.id = e.room_id order by e.position)"
          + " select id from moved";

  /** One room's batch waiting for a statement, and what becomes of it. */
  private record Waiting(UpdateWriter.Batch batch, CompletableFuture<Boolean> moved) {}

  private final CommitConnection kept;
  private final int maxRooms;
  private final Executor committer;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private boolean leading;
  private long statements;

  /**
   * @param committer runs the statements, one after the other (a single thread); the room actors
   *     only hand their batches in
   */
  GroupCommit(DataSource dataSource, int maxRooms, Executor committer) {
    this.kept = new CommitConnection(dataSource, APPEND);
    this.maxRooms = Math.max(1, maxRooms);
    this.committer = committer;
  }

  /**
   * Queues {@code batch} for the next statement, with whatever other rooms' batches are waiting
   * then. When no statement is under way, the caller writes this one itself (no thread hand-over
   * for a quiet node or a single busy room) and hands whatever arrived meanwhile to the committer;
   * otherwise it returns at once. The future completes when the statement returns: true when its
   * room moved (everything written), false when its guard did not hold (nothing written for it), or
   * exceptionally with the {@link SQLException} of a failed statement (which may or may not have
   * been committed).
   */
  CompletableFuture<Boolean> submit(UpdateWriter.Batch batch) {
    var mine = new Waiting(batch, new CompletableFuture<>());
    boolean lead;
    synchronized (this) {
      queue.addLast(mine);
      lead = !leading;
      leading = true;
    }
    if (lead) {
      writeNext(); // this batch's statement
      if (stillWaiting()) {
        handOver();
      }
    }
    return mine.moved();
  }

  /** {@link #submit}, waiting for the statement. */
  boolean append(UpdateWriter.Batch batch) throws SQLException {
    try {
      return submit(batch).get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException failure) {
        throw failure;
      }
      throw new SQLException("group commit failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the commit", e);
    }
  }

  /** Whether batches arrived during the statement; if not, the next batch handed in leads. */
  private synchronized boolean stillWaiting() {
    if (queue.isEmpty()) {
      leading = false;
      notifyAll();
      return false;
    }
    return true;
  }

  /** The batches that arrived during a statement go on the committer's thread. */
  private void handOver() {
    try {
      committer.execute(this::lead);
    } catch (RejectedExecutionException e) {
      lead(); // the application is stopping: written on this thread
    }
  }

  private void lead() {
    while (writeNext()) {
      // until no batch waits
    }
  }

  /**
   * Writes one statement of the batches waiting (a room has at most one batch in a statement: a
   * second one, a restore while its pushes commit, waits for the next); false when none waited, and
   * then the next batch handed in leads again.
   */
  private boolean writeNext() {
    var group = new ArrayList<Waiting>();
    synchronized (this) {
      if (queue.isEmpty()) {
        leading = false;
        notifyAll();
        return false;
      }
      statements++;
      var rooms = new HashSet<UUID>();
      var later = new ArrayDeque<Waiting>();
      while (!queue.isEmpty() && group.size() < maxRooms) {
        var next = queue.pollFirst();
        if (rooms.add(next.batch().roomId())) {
          group.add(next);
        } else {
          later.addLast(next);
        }
      }
      while (!later.isEmpty()) {
        queue.addFirst(later.pollLast());
      }
    }
    Set<UUID> moved = null;
    SQLException failure = null;
    try {
      moved = write(group);
    } catch (SQLException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new SQLException("group commit failed", e);
    }
    for (var waiting : group) {
      if (failure != null) {
        waiting.moved().completeExceptionally(failure);
      } else {
        waiting.moved().complete(moved.contains(waiting.batch().roomId()));
      }
    }
    return true;
  }

  /** How many statements were written so far. */
  synchronized long statements() {
    return statements;
  }

  /** How many batches wait for the next statement. */
  synchronized int waiting() {
    return queue.size();
  }

  /** Gives the kept connection back if it has been idle; nothing while a statement runs. */
  synchronized void releaseIfIdle() {
    if (!leading) {
      kept.releaseIfIdle(System.nanoTime());
    }
  }

  /** Gives the kept connection back once the statements under way are written. */
  synchronized void close() {
    while (leading) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    kept.release();
  }

  private Set<UUID> write(List<Waiting> group) throws SQLException {
    int rooms = group.size();
    var ids = new UUID[rooms];
    var expected = new Long[rooms];
    var versions = new Long[rooms];
    var ownersOnly = new Boolean[rooms];
    var updateRooms = new ArrayList<UUID>();
    var updateVersions = new ArrayList<Long>();
    var clients = new ArrayList<String>();
    var authors = new ArrayList<UUID>();
    var changes = new ArrayList<String>();
    var eventRooms = new ArrayList<UUID>();
    var topics = new ArrayList<String>();
    var keys = new ArrayList<String>();
    var payloads = new ArrayList<String>();
    var created = new ArrayList<Timestamp>();
    for (int r = 0; r < rooms; r++) {
      var batch = group.get(r).batch();
      ids[r] = batch.roomId();
      expected[r] = batch.expected();
      versions[r] = batch.version();
      ownersOnly[r] = batch.ownersOnly();
      long version = batch.expected();
      for (var push : batch.pushes()) {
        for (var update : push.updates()) {
          updateRooms.add(batch.roomId());
          updateVersions.add(++version);
          clients.add(update.clientId());
          authors.add(push.authorId());
          changes.add(update.changes().toJsonText());
        }
      }
      for (var row : batch.rows()) {
        eventRooms.add(batch.roomId());
        topics.add(row.topic());
        keys.add(row.eventKey());
        payloads.add(row.payload());
        created.add(Timestamp.from(row.createdAt()));
      }
    }
    var at = group.get(0).batch().at();
    var statement = kept.statement();
    var connection = kept.connection();
    try {
      int p = 1;
      statement.setArray(p++, connection.createArrayOf("uuid", ids));
      statement.setArray(p++, connection.createArrayOf("bigint", expected));
      statement.setArray(p++, connection.createArrayOf("bigint", versions));
      statement.setArray(p++, connection.createArrayOf("boolean", ownersOnly));
      statement.setTimestamp(p++, at);
      statement.setTimestamp(p++, at);
      statement.setArray(p++, connection.createArrayOf("uuid", updateRooms.toArray()));
      statement.setArray(p++, connection.createArrayOf("bigint", updateVersions.toArray()));
      statement.setArray(p++, connection.createArrayOf("varchar", clients.toArray()));
      statement.setArray(p++, connection.createArrayOf("uuid", authors.toArray()));
      statement.setArray(p++, connection.createArrayOf("varchar", changes.toArray()));
      statement.setArray(p++, connection.createArrayOf("uuid", eventRooms.toArray()));
      statement.setArray(p++, connection.createArrayOf("varchar", topics.toArray()));
      statement.setArray(p++, connection.createArrayOf("varchar", keys.toArray()));
      statement.setArray(p++, connection.createArrayOf("varchar", payloads.toArray()));
      statement.setArray(p, connection.createArrayOf("timestamptz", created.toArray()));
      var moved = new HashSet<UUID>();
      try (var result = statement.executeQuery()) {
        while (result.next()) {
          moved.add(UUID.fromString(result.getString(1))); // getObject(1, UUID.class) reflects
        }
      }
      kept.used();
      return moved;
    } catch (SQLException | RuntimeException e) {
      kept.failed();
      throw e;
    }
  }
}
