package org.codeshare.database.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;

/**
 * Brings the schema up to date with Flyway when the application starts, then checks that the JPA
 * mappings match it, so a node never serves requests against a schema it does not understand.
 */
@Singleton
@Startup
@DependsOn("ProductionProfile")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@DataSourceDefinition(
    name = Migrations.DATA_SOURCE,
    className = "org.codeshare.database.control.ConfiguredDataSource",
    minPoolSize = 2,
    maxPoolSize = Migrations.MAX_POOL_SIZE,
    maxIdleTime = 300,
    properties = {
      "fish.payara.is-connection-validation-required=true",
      "fish.payara.connection-validation-method=meta-data",
      "fish.payara.fail-all-connections=true"
    })
public class Migrations {

  public static final String DATA_SOURCE = "java:app/jdbc/codeshare";
  public static final int MAX_POOL_SIZE = 32;
  private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

  @Resource(lookup = DATA_SOURCE)
  DataSource dataSource;

  @PersistenceUnit(unitName = "codeshare")
  EntityManagerFactory entityManagerFactory;

  @Inject SchemaState state;

  @PostConstruct
  void migrate() {
    var settings = ConfiguredDataSource.settings();
    LOG.info(() -> "Database: " + settings.vendor() + " at " + settings.redactedUrl());
    var result =
        Flyway.configure(Migrations.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .baselineOnMigrate(false)
            .load()
            .migrate();
    entityManagerFactory.unwrap(SessionFactory.class).getSchemaManager().validateMappedObjects();
    var version = result.targetSchemaVersion != null ? result.targetSchemaVersion : "current";
    state.migrated(version);
    LOG.info(
        () -> "Schema at version " + version + " (" + result.migrationsExecuted + " applied now)");
  }
}
