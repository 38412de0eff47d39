package org.codeshare.snapshots.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.events.control.Outbox;
import org.codeshare.paging.entity.Page;
import org.codeshare.rooms.entity.Room;
import org.codeshare.snapshots.entity.Snapshot;
import org.codeshare.snapshots.entity.SnapshotReason;

/**
 * The {@code snapshots} rows and the rooms' snapshot bookkeeping. A node snapshots a room only
 * while it holds the room's lease, so each version is written once; the primary key (room, version)
 * backs that up.
 */
@Stateless
public class SnapshotCatalog {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Outbox outbox;

  /** A room due for a snapshot, and the version it had then. */
  public record Due(UUID roomId, long version) {}

  /** Rooms whose version moved past their newest snapshot and that nobody is snapshotting. */
  public List<Due> due(Instant now, int limit) {
    return em.createQuery(
            "select r.id, r.version from Room r where r.deletedAt is null"
                + " and r.version > r.snapshotVersion"
                + " and (r.snapshotLeaseUntil is null or r.snapshotLeaseUntil < :now)"
                + " order by r.updatedAt",
            Object[].class)
        .setParameter("now", now)
        .setMaxResults(limit)
        .getResultStream()
        .map(row -> new Due((UUID) row[0], ((Number) row[1]).longValue()))
        .toList();
  }

  /** Takes the room's snapshot lease until {@code until}; false when another node holds it. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean claim(UUID roomId, Instant now, Instant until) {
    return em.createQuery(
                "update Room r set r.snapshotLeaseUntil = :until where r.id = :id"
                    + " and r.deletedAt is null and r.version > r.snapshotVersion"
                    + " and (r.snapshotLeaseUntil is null or r.snapshotLeaseUntil < :now)")
            .setParameter("until", until)
            .setParameter("now", now)
            .setParameter("id", roomId)
            .executeUpdate()
        == 1;
  }

  /** Writing failed: nobody retries before the back-off has passed. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void failed(UUID roomId, Instant now, Duration base, Duration max) {
    var room = em.find(Room.class, roomId);
    if (room == null) {
      return;
    }
    var backoff = base.multipliedBy(1L << Math.min(room.snapshotFailures(), 20));
    if (backoff.compareTo(max) > 0) {
      backoff = max;
    }
    em.createQuery(
            "update Room r set r.snapshotLeaseUntil = :until,"
                + " r.snapshotFailures = r.snapshotFailures + 1 where r.id = :id")
        .setParameter("until", now.plus(backoff))
        .setParameter("id", roomId)
        .executeUpdate();
  }

  /**
   * Records a stored snapshot, releases the lease and compacts the update log up to {@code keep}
   * versions behind it. A snapshot of a version that already has one only renames it (manual saves)
   * and is otherwise left alone. Returns the row as stored; for a room deleted meanwhile nothing is
   * recorded (the stored object is left to the deleted room's clean-up).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Recorded record(Snapshot snapshot, long keep) {
    // The room's row lock orders this against a deletion (which takes it before writing its
    // event): a room deleted meanwhile gets no snapshot row and no event after its room.deleted.
    var room = em.find(Room.class, snapshot.roomId(), LockModeType.PESSIMISTIC_WRITE);
    if (room == null || room.deleted()) {
      return new Recorded(snapshot, false);
    }
    var existing = em.find(Snapshot.class, new Snapshot.Key(snapshot.roomId(), snapshot.version()));
    if (existing != null) {
      if (snapshot.reason() != SnapshotReason.TIMER) {
        existing.keptAgain(snapshot.reason(), snapshot.label(), snapshot.createdBy());
      }
      release(snapshot.roomId(), snapshot.version());
      return new Recorded(existing, false);
    }
    em.persist(snapshot);
    em.flush();
    release(snapshot.roomId(), snapshot.version());
    long floor = snapshot.version() - keep;
    if (floor > 0) {
      em.createQuery("delete from RoomUpdate u where u.key.roomId = :id and u.key.version <= :v")
          .setParameter("id", snapshot.roomId())
          .setParameter("v", floor)
          .executeUpdate();
      em.createQuery(
              "update Room r set r.historyFloor = :v where r.id = :id and r.historyFloor < :v")
          .setParameter("id", snapshot.roomId())
          .setParameter("v", floor)
          .executeUpdate();
    }
    outbox.snapshotWritten(snapshot);
    return new Recorded(snapshot, true);
  }

  /** The stored row and whether this call wrote it. */
  public record Recorded(Snapshot snapshot, boolean written) {}

  /** The lease is given back, and the room's newest snapshot is this one unless it has a newer. */
  private void release(UUID roomId, long version) {
    em.createQuery(
            "update Room r set r.snapshotVersion ="
                + " case when r.snapshotVersion < :v then :v else r.snapshotVersion end,"
                + " r.snapshotLeaseUntil = null, r.snapshotFailures = 0 where r.id = :id")
        .setParameter("id", roomId)
        .setParameter("v", version)
        .executeUpdate();
  }

  public Page<Snapshot> list(UUID roomId, int page, int size) {
    var items =
        em.createNamedQuery(Snapshot.NEWEST_FIRST, Snapshot.class)
            .setParameter("room", roomId)
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    long total =
        em.createNamedQuery(Snapshot.COUNT, Long.class)
            .setParameter("room", roomId)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  public Optional<Snapshot> find(UUID roomId, long version) {
    return Optional.ofNullable(em.find(Snapshot.class, new Snapshot.Key(roomId, version)));
  }

  /** The room's snapshots from the newest, for cold loads; at most {@code limit}. */
  public List<Snapshot> newest(UUID roomId, int limit) {
    return em.createNamedQuery(Snapshot.NEWEST_FIRST, Snapshot.class)
        .setParameter("room", roomId)
        .setMaxResults(limit)
        .getResultList();
  }

  /** Where a room's retained history starts (0: it is complete). */
  public long historyFloor(UUID roomId) {
    var room = em.find(Room.class, roomId);
    return room == null ? 0 : room.historyFloor();
  }
}
