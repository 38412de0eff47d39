package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.sql.DriverManager;
import java.time.Duration;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The flattened WAR runs the same application on Payara Micro against the same real servers. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class MicroSmokeIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MicroDeployment.codeshareWar();
  }

  @ArquillianResource URL base;

  @Test
  void roomsHealthAndMetricsWorkOnMicro(RealServers servers) throws Exception {
    var app = AppClient.at(base.toURI().resolve("/"));

    var ready = app.awaitStatus("health/ready", 200, Duration.ofSeconds(30)).json();
    assertThat(ready.getJsonArray("checks").getValuesAs(JsonObject.class))
        .extracting(check -> check.getString("name") + "=" + check.getString("status"))
        .contains("database=UP", "redis=UP", "kafka=UP", "s3=UP");

    var created = app.postJson("api/rooms", "{\"title\":\"On Micro\",\"language\":\"go\"}");
    assertThat(created.status()).isEqualTo(201);
    var slug = created.json().getString("slug");
    assertThat(app.get("api/rooms/" + slug).json().getString("language")).isEqualTo("go");

    try (var connection =
            DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
        var query = connection.prepareStatement("select count(*) from rooms where slug = ?")) {
      query.setString(1, slug);
      try (var row = query.executeQuery()) {
        row.next();
        assertThat(row.getInt(1)).as("room row in PostgreSQL").isEqualTo(1);
      }
    }
    assertThat(app.metric("codeshare_rooms_created_total")).isGreaterThanOrEqualTo(1);
  }
}
