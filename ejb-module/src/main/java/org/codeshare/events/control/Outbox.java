package org.codeshare.events.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.UUID;
import org.codeshare.chat.entity.ChatMessage;
import org.codeshare.events.entity.EventData;
import org.codeshare.rooms.entity.Room;
import org.codeshare.snapshots.entity.Snapshot;

/**
 * Writes events into the outbox inside the caller's transaction, so an event exists exactly when
 * the change it describes was committed. The relay publishes them afterwards.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Outbox {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject EventRows rows;

  Clock clock = Clock.systemUTC();

  /** Signals the relay, after commit, that there is something to publish. */
  public record OutboxWritten() {}

  public void roomCreated(Room room, UUID actor) {
    record(EventData.ROOM_CREATED, room.id(), actor, settings(room));
  }

  public void roomUpdated(Room room, UUID actor) {
    record(EventData.ROOM_UPDATED, room.id(), actor, settings(room));
  }

  public void roomDeleted(Room room, UUID actor) {
    record(EventData.ROOM_DELETED, room.id(), actor, new EventData.RoomDeleted(room.slug()));
  }

  public void documentUpdated(UUID roomId, UUID actor, long from, long to) {
    record(
        EventData.DOCUMENT_UPDATED,
        roomId,
        actor,
        new EventData.DocumentUpdated(from, to, (int) (to - from)));
  }

  public void snapshotWritten(Snapshot snapshot) {
    record(
        EventData.SNAPSHOT_WRITTEN,
        snapshot.roomId(),
        snapshot.createdBy(),
        new EventData.SnapshotWritten(
            snapshot.version(),
            snapshot.sha256(),
            snapshot.size(),
            snapshot.reason().id(),
            snapshot.label()));
  }

  public void chatPosted(ChatMessage message) {
    record(
        EventData.CHAT_POSTED,
        message.roomId(),
        message.authorId(),
        new EventData.ChatPosted(message.id(), message.authorName(), message.text()));
  }

  public void memberJoined(UUID roomId, UUID userId, String role, UUID actor) {
    record(EventData.MEMBER_JOINED, roomId, actor, new EventData.MemberJoined(userId, role));
  }

  private void record(String type, UUID roomId, UUID actor, Object data) {
    em.persist(rows.of(type, roomId, actor, data, clock.instant()));
    rows.written();
  }

  private static EventData.RoomSettings settings(Room room) {
    return new EventData.RoomSettings(
        room.slug(), room.title(), room.language().id(), room.linkAccess().name(), room.locked());
  }
}
