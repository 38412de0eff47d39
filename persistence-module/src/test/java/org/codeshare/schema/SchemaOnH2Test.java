package org.codeshare.schema;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.Room;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migrations must build a schema the mappings validate against on H2 in PostgreSQL mode (the
 * embedded default) as they do on PostgreSQL, where the EAR and WAR suites deploy against a real
 * server and the application validates the same mappings at startup.
 */
class SchemaOnH2Test {

  @Test
  void migrationsAndMappingsAgreeOnH2InPostgresMode(@TempDir Path dir) {
    var url =
        "jdbc:h2:file:"
            + dir.resolve("codeshare")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    assertMigratesValidatesAndRoundTrips(url, "codeshare", "");
  }

  private static void assertMigratesValidatesAndRoundTrips(
      String url, String user, String password) {
    var result =
        Flyway.configure()
            .dataSource(url, user, password)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    assertThat(result.success).isTrue();
    assertThat(result.migrationsExecuted).isPositive();

    Map<String, Object> settings = new HashMap<>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", null);
    settings.put("jakarta.persistence.jdbc.url", url);
    settings.put("jakarta.persistence.jdbc.user", user);
    settings.put("jakarta.persistence.jdbc.password", password);
    settings.put("hibernate.transaction.jta.platform", "none");
    settings.put("hibernate.hbm2ddl.auto", "validate");
    try (var factory = Persistence.createEntityManagerFactory("codeshare", settings)) {
      var room = new Room("roundtrip1", "Schema check", Language.RUST, Instant.now());
      var em = factory.createEntityManager();
      em.getTransaction().begin();
      em.persist(room);
      em.getTransaction().commit();
      em.close();

      var reader = factory.createEntityManager();
      var found =
          reader
              .createNamedQuery(Room.BY_SLUG, Room.class)
              .setParameter("slug", "roundtrip1")
              .getSingleResult();
      assertThat(found.id()).isEqualTo(room.id());
      assertThat(found.language()).isEqualTo(Language.RUST);
      assertThat(found.linkAccess()).isEqualTo(LinkAccess.EDIT);
      assertThat(found.createdAt().toEpochMilli()).isEqualTo(room.createdAt().toEpochMilli());
      reader.close();
    }
  }
}
