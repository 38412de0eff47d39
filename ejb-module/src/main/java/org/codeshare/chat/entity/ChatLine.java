package org.codeshare.chat.entity;

import java.time.Instant;

/** A chat message as clients receive it. {@code peer} is the sender's connection, if known. */
public record ChatLine(long id, String peer, String name, String text, Instant at) {

  public static ChatLine of(ChatMessage message, String peer) {
    return new ChatLine(
        message.id(), peer, message.authorName(), message.text(), message.createdAt());
  }
}
