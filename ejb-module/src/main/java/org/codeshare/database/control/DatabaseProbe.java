package org.codeshare.database.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import javax.sql.DataSource;
import org.codeshare.health.entity.Probe;

/** Checks that a pooled connection answers a query, and how quickly. */
@ApplicationScoped
public class DatabaseProbe {

  @Resource(lookup = Migrations.DATA_SOURCE)
  DataSource dataSource;

  public Probe check() {
    var settings = ConfiguredDataSource.settings();
    return Probe.time(
        "database",
        settings.vendor().name().toLowerCase(),
        () -> {
          try (var connection = dataSource.getConnection();
              var statement = connection.createStatement()) {
            statement.setQueryTimeout(2);
            statement.execute("select 1");
          }
        });
  }
}
