package org.codeshare.chat.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.codeshare.chat.entity.ChatMessage;

/** Room chat as stored: messages are kept with the room and deleted with it. */
@Stateless
public class ChatLog {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @jakarta.inject.Inject org.codeshare.events.control.Outbox outbox;

  Clock clock = Clock.systemUTC();

  public ChatMessage post(UUID roomId, UUID authorId, String authorName, String text) {
    var message = new ChatMessage(roomId, authorId, authorName, text, clock.instant());
    em.persist(message);
    em.flush();
    outbox.chatPosted(message);
    return message;
  }

  /** The newest {@code count} messages, oldest first. */
  public List<ChatMessage> recent(UUID roomId, int count) {
    if (count <= 0) {
      return List.of();
    }
    var newest =
        new ArrayList<>(
            em.createNamedQuery(ChatMessage.NEWEST, ChatMessage.class)
                .setParameter("room", roomId)
                .setMaxResults(count)
                .getResultList());
    Collections.reverse(newest);
    return newest;
  }
}
