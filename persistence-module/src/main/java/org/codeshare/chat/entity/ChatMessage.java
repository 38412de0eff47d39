package org.codeshare.chat.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message posted to a room's chat; the author's name is kept as it was when they wrote it. */
@Entity
@Table(name = "chat_messages")
@NamedQuery(
    name = ChatMessage.NEWEST,
    query = "select m from ChatMessage m where m.roomId = :room order by m.id desc")
public class ChatMessage {

  public static final String NEWEST = "ChatMessage.newest";
  public static final int MAX_TEXT_LENGTH = 4000;
  public static final int MAX_NAME_LENGTH = 100;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "room_id", nullable = false)
  private UUID roomId;

  @Column(name = "author_id")
  private UUID authorId;

  @Column(name = "author_name", nullable = false, length = MAX_NAME_LENGTH)
  private String authorName;

  @Column(nullable = false, length = MAX_TEXT_LENGTH)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ChatMessage() {}

  /** {@code authorId} is null for guests without an account. */
  public ChatMessage(UUID roomId, UUID authorId, String authorName, String text, Instant now) {
    this.roomId = requireNonNull(roomId, "roomId");
    this.authorId = authorId;
    this.authorName = clip(requireNonNull(authorName, "authorName"), MAX_NAME_LENGTH);
    this.text = requireNonNull(text, "text");
    if (text.isBlank() || text.length() > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("text must have 1 to " + MAX_TEXT_LENGTH + " chars");
    }
    this.createdAt = requireNonNull(now, "now");
  }

  private static String clip(String value, int length) {
    return value.length() <= length ? value : value.substring(0, length);
  }

  public Long id() {
    return id;
  }

  public UUID roomId() {
    return roomId;
  }

  public UUID authorId() {
    return authorId;
  }

  public String authorName() {
    return authorName;
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
