package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rooms committing at the same time share one statement against a real PostgreSQL, each under its
 * own guard, and a room whose row another transaction holds does not hold up the others.
 */
class GroupCommitTest {

  @RegisterExtension static final CommitDatabase db = new CommitDatabase();
  private final UpdateWriter writer = db.writer();

  @Test
  void roomsCommittingAtOnceShareAStatementAndKeepTheirOwnGuards() throws Exception {
    var first = db.room(false);
    var good = db.room(false);
    var stale = db.room(false);
    var pool = Executors.newFixedThreadPool(3);
    try (var holder = db.dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (var lock = holder.createStatement()) {
        lock.execute("lock table outbox in share mode"); // the first statement waits to insert
      }
      var one = pool.submit(() -> writer.tryAppend(first, 0, List.of(db.ownerPush("f1"))));
      CommitDatabase.awaitTrue(() -> writer.group().statements() == 1);
      var two = pool.submit(() -> writer.tryAppend(good, 0, List.of(db.ownerPush("g1"))));
      var three = pool.submit(() -> writer.tryAppend(stale, 5, List.of(db.ownerPush("s1"))));
      CommitDatabase.awaitTrue(() -> writer.group().waiting() == 2);
      holder.commit(); // the first statement goes through; the other two wait for the next

      assertThat(one.get(10, TimeUnit.SECONDS)).isPresent();
      assertThat(two.get(10, TimeUnit.SECONDS)).isPresent();
      assertThat(three.get(10, TimeUnit.SECONDS)).isEmpty();
    } finally {
      pool.shutdownNow();
    }
    assertThat(writer.group().statements()).isEqualTo(2);
    assertThat(db.version(good)).isEqualTo("1");
    assertThat(db.version(stale)).isEqualTo("0");
    assertThat(db.clients(good)).containsExactly("g1");
    assertThat(db.updates(stale)).isEqualTo("0");
    assertThat(db.events(stale)).isEqualTo("0");
  }

  @Test
  void whileAStatementRunsBatchesAreHandedInWithoutWaitingAndTwoOfOneRoomNeverShareOne()
      throws Exception {
    var room = db.room(false);
    var other = db.room(false);
    var pool = Executors.newSingleThreadExecutor();
    try (var holder = db.dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (var lock = holder.createStatement()) {
        lock.execute("lock table outbox in share mode");
      }
      var first = pool.submit(() -> writer.tryAppend(other, 0, List.of(db.ownerPush("o1"))));
      CommitDatabase.awaitTrue(() -> writer.group().statements() == 1);
      var one = writer.submit(room, 0, List.of(db.ownerPush("a1"))); // returns at once
      var two = writer.submit(room, 0, List.of(db.ownerPush("b1"))); // a restore racing a push
      assertThat(one).isNotDone();
      assertThat(two).isNotDone();
      assertThat(writer.group().waiting()).isEqualTo(2);
      holder.commit();

      assertThat(first.get(10, TimeUnit.SECONDS)).isPresent();
      assertThat(one.get(10, TimeUnit.SECONDS)).isPresent();
      assertThat(two.get(10, TimeUnit.SECONDS)).isEmpty(); // the next statement; the room moved
    } finally {
      pool.shutdownNow();
    }
    assertThat(writer.group().statements()).isEqualTo(3);
    assertThat(db.clients(room)).containsExactly("a1");
    assertThat(db.events(room)).isEqualTo("1");
  }

  @Test
  void aRoomWhoseRowIsHeldIsSkippedWithoutHoldingUpTheOthers() throws Exception {
    var held = db.room(false);
    var free = db.room(false);
    try (var holder = db.dataSource.getConnection()) {
      holder.setAutoCommit(false);
      try (var lock = holder.createStatement()) {
        lock.executeQuery("select id from rooms where id = '" + held + "' for update").close();
      }
      var pool = Executors.newSingleThreadExecutor();
      try {
        var skipped = pool.submit(() -> writer.tryAppend(held, 0, List.of(db.ownerPush("h1"))));
        assertThat(skipped.get(10, TimeUnit.SECONDS)).isEmpty(); // the careful path waits for it
        var committed = pool.submit(() -> writer.tryAppend(free, 0, List.of(db.ownerPush("f1"))));
        assertThat(committed.get(10, TimeUnit.SECONDS)).isPresent();
      } finally {
        pool.shutdownNow();
      }
      holder.rollback();
    }
    assertThat(db.updates(held)).isEqualTo("0");
    assertThat(db.clients(free)).containsExactly("f1");
  }

  @Test
  void manyRoomsCommittingConcurrentlyEachGetEveryUpdateInOrder() throws Exception {
    int rooms = 12;
    int commits = 25;
    var ids = new ArrayList<UUID>();
    for (int r = 0; r < rooms; r++) {
      ids.add(db.room(false));
    }
    var pool = Executors.newFixedThreadPool(rooms);
    var start = new CountDownLatch(1);
    var results = new ArrayList<Future<Integer>>();
    for (var id : ids) {
      results.add(
          pool.submit(
              () -> {
                start.await();
                int refused = 0;
                for (int v = 0; v < commits; v++) {
                  writer.tryAppend(id, v, List.of(db.ownerPush("c" + v))).orElseThrow();
                  if (writer.tryAppend(id, v, List.of(db.ownerPush("late" + v))).isEmpty()) {
                    refused++; // the room is at v + 1 now
                  }
                }
                return refused;
              }));
    }
    start.countDown();
    for (var result : results) {
      assertThat(result.get(60, TimeUnit.SECONDS)).isEqualTo(commits);
    }
    pool.shutdown();
    var expected = new ArrayList<String>();
    for (int v = 0; v < commits; v++) {
      expected.add((v + 1) + " c" + v);
    }
    for (var id : ids) {
      assertThat(db.version(id)).isEqualTo(String.valueOf(commits));
      assertThat(
              db.query(
                  "select version || ' ' || client_id from room_updates where room_id = '"
                      + id
                      + "' order by version"))
          .containsExactlyElementsOf(expected);
      assertThat(
              db.query(
                  "select payload::json->'data'->>'toVersion' from outbox where event_key = '"
                      + id
                      + "' order by id"))
          .containsExactlyElementsOf(
              IntStream.rangeClosed(1, commits).mapToObj(String::valueOf).toList());
    }
  }
}
