package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.codeshare.chat.entity.ChatMessage;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** room_updates and chat_messages on H2 in PostgreSQL mode, the embedded default. */
class CollaborationTablesOnH2Test {

  @Test
  void updatesRoundTripInVersionOrderAndAVersionIsTakenOnlyOnce(@TempDir Path dir) {
    try (var factory = factory(dir)) {
      var room = new Room("collabtest", "Collab", Language.JAVA, Instant.now());
      var big = "[" + "x".repeat(RoomUpdate.MAX_CHANGES_LENGTH - 10) + "]";
      inTransaction(factory, em -> em.persist(room));
      inTransaction(
          factory,
          em -> {
            em.persist(new RoomUpdate(room.id(), 2, "b", null, big, Instant.now()));
            em.persist(new RoomUpdate(room.id(), 1, "a", null, "[[0,\"x\"]]", Instant.now()));
          });

      var em = factory.createEntityManager();
      var updates =
          em.createNamedQuery(RoomUpdate.SINCE, StoredUpdate.class)
              .setParameter("room", room.id())
              .setParameter("version", 0L)
              .getResultList();
      assertThat(updates).extracting(StoredUpdate::version).containsExactly(1L, 2L);
      assertThat(updates).extracting(StoredUpdate::clientId).containsExactly("a", "b");
      assertThat(updates.get(1).changes()).isEqualTo(big);
      em.close();

      assertThatThrownBy(
              () ->
                  inTransaction(
                      factory,
                      other ->
                          other.persist(
                              new RoomUpdate(room.id(), 2, "c", null, "[1]", Instant.now()))))
          .isInstanceOf(PersistenceException.class);
    }
  }

  @Test
  void chatMessagesGetIncreasingIds(@TempDir Path dir) {
    try (var factory = factory(dir)) {
      var room = new Room("chattest01", "Chat", Language.JAVA, Instant.now());
      inTransaction(factory, em -> em.persist(room));
      inTransaction(
          factory,
          em -> {
            em.persist(new ChatMessage(room.id(), null, "Ann", "first", Instant.now()));
            em.persist(new ChatMessage(room.id(), null, "Bob", "second", Instant.now()));
          });
      var em = factory.createEntityManager();
      var newest =
          em.createNamedQuery(ChatMessage.NEWEST, ChatMessage.class)
              .setParameter("room", room.id())
              .setMaxResults(1)
              .getResultList();
      assertThat(newest).extracting(ChatMessage::text).containsExactly("second");
      em.close();
    }
  }

  private static void inTransaction(
      EntityManagerFactory factory,
      java.util.function.Consumer<jakarta.persistence.EntityManager> work) {
    var em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      work.accept(em);
      em.getTransaction().commit();
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  private static EntityManagerFactory factory(Path dir) {
    var url =
        "jdbc:h2:file:"
            + dir.resolve("codeshare")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    Flyway.configure()
        .dataSource(url, "codeshare", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", null);
    settings.put("jakarta.persistence.jdbc.url", url);
    settings.put("jakarta.persistence.jdbc.user", "codeshare");
    settings.put("jakarta.persistence.jdbc.password", "");
    settings.put("hibernate.transaction.jta.platform", "none");
    settings.put("hibernate.hbm2ddl.auto", "validate");
    return Persistence.createEntityManagerFactory("codeshare", settings);
  }
}
