package org.codeshare.database;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.function.Function;
import org.flywaydb.core.Flyway;

/** One database with the application's schema, and an entity manager factory over it. */
public record TestDatabase(String name, String url, String user, EntityManagerFactory factory) {

  /** Migrates the database at {@code url} and opens the application's mappings over it. */
  public static TestDatabase of(String name, String url, String user) {
    Flyway.configure().dataSource(url, user, user).load().migrate();
    var settings = new HashMap<String, Object>();
    settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
    settings.put("jakarta.persistence.jtaDataSource", null);
    settings.put("jakarta.persistence.jdbc.url", url);
    settings.put("jakarta.persistence.jdbc.user", user);
    settings.put("jakarta.persistence.jdbc.password", user);
    settings.put("hibernate.transaction.jta.platform", "none");
    settings.put("hibernate.hbm2ddl.auto", "validate");
    var factory = Persistence.createEntityManagerFactory("codeshare", settings);
    return new TestDatabase(name, url, user, factory);
  }

  /** The embedded default: an H2 file database in PostgreSQL mode under {@code directory}. */
  public static TestDatabase h2(Path directory) {
    return of(
        "H2",
        "jdbc:h2:file:"
            + directory.resolve("codeshare")
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
        "codeshare");
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, user);
  }

  /** Runs {@code work} in a transaction of its own. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    var em = factory.createEntityManager();
    try {
      em.getTransaction().begin();
      var result = work.apply(em);
      em.getTransaction().commit();
      return result;
    } finally {
      if (em.getTransaction().isActive()) {
        em.getTransaction().rollback();
      }
      em.close();
    }
  }

  /** Runs one SQL statement. */
  public void sql(String statement) throws SQLException {
    try (var c = connect();
        var s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
