package org.codeshare.collab.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.RoomUpdate;
import org.codeshare.collab.entity.StepwiseRebase;
import org.codeshare.collab.entity.StoredUpdate;
import org.codeshare.collab.entity.Update;
import org.codeshare.events.control.Outbox;
import org.codeshare.rooms.control.RoomAccess;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomNotFound;
import org.codeshare.rooms.entity.RoomRole;

/**
 * A room's accepted history in {@code room_updates}. Appending is a compare-and-set on the room's
 * version: the room row is locked, and the primary key (room, version) refuses a second writer of
 * the same version should anything bypass the lock.
 */
@Stateless
public class UpdateLog {

  private static final Logger LOG = Logger.getLogger(UpdateLog.class.getName());
  private static final JsonProvider JSON = JsonProvider.provider();

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Outbox outbox;

  Clock clock = Clock.systemUTC();

  /** A room's document rebuilt from its history, with the newest updates. */
  public record Loaded(UUID roomId, String doc, long version, List<Update> recent) {}

  /** What became of an append. */
  public sealed interface Appended {}

  /**
   * Committed after version {@code from}: first {@code missed}, the updates other nodes had
   * committed since the expected version, then {@code committed}, the appended updates rebased over
   * them (empty when all of them were among the missed already).
   */
  public record Committed(long from, List<Update> missed, List<Update> committed)
      implements Appended {}

  /** A lost race or a failure: these are the updates after the expected version. */
  public record Behind(List<Update> missed) implements Appended {}

  /**
   * The room is gone, or locked for the role of the given pushes (by index; empty: all of them):
   * nothing was written.
   */
  public record Refused(boolean gone, List<Integer> pushes) implements Appended {
    public Refused(boolean gone) {
      this(gone, List.of());
    }
  }

  /** One author's updates in a group commit. */
  public record Authored(List<Update> updates, UUID authorId, RoomRole role) {}

  /**
   * The room's document: {@code baseDoc} at {@code baseVersion} (a snapshot, or empty at 0) with
   * every later update applied in order.
   *
   * @throws RoomNotFound when the room does not exist or was deleted
   * @throws IllegalStateException when the history after the base has a gap
   */
  public Loaded replay(UUID roomId, long baseVersion, String baseDoc, int keep) {
    var room = em.find(Room.class, roomId);
    if (room == null || room.deleted()) {
      throw new RoomNotFound(roomId.toString());
    }
    var doc = baseDoc;
    long version = baseVersion;
    var recent = new java.util.ArrayDeque<Update>();
    try (var rows = query(roomId, baseVersion)) {
      for (var row : (Iterable<StoredUpdate>) rows::iterator) {
        if (row.version() != version + 1) {
          throw new IllegalStateException(
              "room " + roomId + " history has a gap after version " + version);
        }
        var update = update(row);
        doc = update.changes().apply(doc);
        version = row.version();
        recent.addLast(update);
        if (recent.size() > keep) {
          recent.removeFirst();
        }
      }
    }
    if (version != room.version()) {
      long replayed = version;
      LOG.warning(
          () ->
              "room " + roomId + ": rooms.version is " + room.version() + ", history " + replayed);
    }
    return new Loaded(roomId, doc, version, List.copyOf(recent));
  }

  /**
   * The accepted updates after {@code version}, oldest first.
   *
   * @throws HistoryCompacted when the first of them were deleted behind a snapshot
   */
  public List<Update> since(UUID roomId, long version) {
    return since(roomId, version, Integer.MAX_VALUE);
  }

  /**
   * The first {@code count} accepted updates after {@code version} (fewer when the history ends
   * before), oldest first.
   *
   * @throws HistoryCompacted when the first of them were deleted behind a snapshot
   */
  public List<Update> since(UUID roomId, long version, int count) {
    var updates = new ArrayList<Update>();
    try (var rows = query(roomId, version, count)) {
      for (var row : (Iterable<StoredUpdate>) rows::iterator) {
        if (row.version() != version + 1 + updates.size()) {
          throw new HistoryCompacted();
        }
        updates.add(update(row));
      }
    }
    return updates;
  }

  /** Appends one push: {@link #appendAll} with one author. */
  public Appended append(
      UUID roomId, long expected, List<Update> updates, UUID authorId, RoomRole role) {
    return appendAll(roomId, expected, List.of(new Authored(updates, authorId, role)));
  }

  /**
   * Appends several pushes made on version {@code expected}, each already rebased onto the ones
   * before it, in one transaction with the room row locked (group commit), if the room accepts
   * edits from each pusher's role. Updates other nodes committed since {@code expected} are read
   * under the lock: a single push is rebased over them and committed, so it never makes a node
   * retry; a batch of several gets {@link Behind} with them, and the caller catches up and commits
   * each push alone.
   */
  public Appended appendAll(UUID roomId, long expected, List<Authored> pushes) {
    var room = em.find(Room.class, roomId, LockModeType.PESSIMISTIC_WRITE);
    if (room == null || room.deleted()) {
      return new Refused(true);
    }
    var refused = new ArrayList<Integer>();
    for (int i = 0; i < pushes.size(); i++) {
      if (!RoomAccess.canEdit(room, pushes.get(i).role())) {
        refused.add(i);
      }
    }
    if (!refused.isEmpty()) {
      return new Refused(false, refused);
    }
    var missed = room.version() == expected ? List.<Update>of() : since(roomId, expected);
    if (expected + missed.size() != room.version()) {
      throw new IllegalStateException("room " + roomId + " history does not match its version");
    }
    if (!missed.isEmpty() && pushes.size() > 1) {
      // Clients transform their updates over each accepted update in commit order; a batch
      // rebased here would have its later pushes moved over the earlier ones first, then over
      // the missed updates, and could place a tied insert differently: the room catches up and
      // commits the pushes one by one instead.
      return new Behind(missed);
    }
    var batch =
        missed.isEmpty()
            ? pushes
            : List.of(
                new Authored(
                    StepwiseRebase.rebase(pushes.get(0).updates(), missed),
                    pushes.get(0).authorId(),
                    pushes.get(0).role()));
    var now = clock.instant();
    long version = room.version();
    var committed = new ArrayList<Update>();
    for (var push : batch) {
      long first = version;
      for (var update : push.updates()) {
        em.persist(
            new RoomUpdate(
                roomId,
                ++version,
                update.clientId(),
                push.authorId(),
                update.changes().toJsonText(),
                now));
        committed.add(update);
      }
      outbox.documentUpdated(roomId, push.authorId(), first, version);
    }
    if (!committed.isEmpty()) {
      em.flush();
      em.createQuery("update Room r set r.version = :version, r.updatedAt = :now where r.id = :id")
          .setParameter("version", version)
          .setParameter("now", now)
          .setParameter("id", roomId)
          .executeUpdate();
    }
    return new Committed(expected, missed, committed);
  }

  private java.util.stream.Stream<StoredUpdate> query(UUID roomId, long version) {
    return query(roomId, version, Integer.MAX_VALUE);
  }

  private java.util.stream.Stream<StoredUpdate> query(UUID roomId, long version, int count) {
    var query =
        em.createNamedQuery(RoomUpdate.SINCE, StoredUpdate.class)
            .setParameter("room", roomId)
            .setParameter("version", version);
    if (count < Integer.MAX_VALUE) {
      query.setMaxResults(count);
    }
    return query.getResultStream();
  }

  static Update update(StoredUpdate row) {
    try (var reader = JSON.createReader(new StringReader(row.changes()))) {
      return new Update(row.clientId(), ChangeSet.fromJson(reader.readArray()));
    }
  }
}
