package org.codeshare.events.entity;

import java.util.UUID;

/** The {@code data} of each event type. */
public final class EventData {

  private EventData() {}

  public static final String ROOM_CREATED = "room.created";
  public static final String ROOM_UPDATED = "room.updated";
  public static final String ROOM_DELETED = "room.deleted";
  public static final String DOCUMENT_UPDATED = "document.updated";
  public static final String SNAPSHOT_WRITTEN = "snapshot.written";
  public static final String CHAT_POSTED = "chat.posted";
  public static final String MEMBER_JOINED = "member.joined";

  /** {@code room.created} and {@code room.updated}: the room's settings after the change. */
  public record RoomSettings(
      String slug, String title, String language, String linkAccess, boolean locked) {}

  /** {@code room.deleted}. */
  public record RoomDeleted(String slug) {}

  /** {@code document.updated}: versions {@code fromVersion + 1} to {@code toVersion} committed. */
  public record DocumentUpdated(long fromVersion, long toVersion, int updates) {}

  /** {@code snapshot.written}. */
  public record SnapshotWritten(
      long version, String sha256, long size, String reason, String label) {}

  /** {@code chat.posted}. */
  public record ChatPosted(long messageId, String authorName, String text) {}

  /** {@code member.joined}: a user became a member with a role. */
  public record MemberJoined(UUID userId, String role) {}
}
