package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Readiness on Payara Micro: one check per configured dependency with its latency, and each
 * dependency stopped in turn makes the node unready (503) with the error in that check's data.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class MicroReadinessIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MicroDeployment.codeshareWar();
  }

  @ArquillianResource URL base;
  private AppClient app;

  @BeforeEach
  void client() throws Exception {
    app = AppClient.at(base.toURI().resolve("/"));
  }

  @Test
  void readinessReportsEveryConfiguredDependencyWithLatency() {
    var ready = app.awaitStatus("health/ready", 200, WAIT);

    for (var name : new String[] {"database", "redis", "kafka", "s3"}) {
      var check = check(ready.json(), name);
      assertThat(check.getString("status")).as(name).isEqualTo("UP");
      var data = check.getJsonObject("data");
      assertThat(data.get("configured").toString()).as(name).contains("true");
      assertThat(data.get("latencyMs")).as(name).isNotNull();
    }
    assertThat(check(ready.json(), "database").getJsonObject("data").getString("kind"))
        .isEqualTo("postgresql");
    assertThat(check(ready.json(), "node").getString("status")).isEqualTo("UP");
    assertThat(check(ready.json(), "node").getJsonObject("data").getString("state"))
        .isEqualTo("serving");
  }

  @Test
  void livenessAndStartupAreUp() {
    assertThat(app.get("health/live").status()).isEqualTo(200);
    var started = app.get("health/started");
    assertThat(started.status()).isEqualTo(200);
    assertThat(check(started.json(), "schema").getString("status")).isEqualTo("UP");
  }

  @Test
  void stoppedRedisMakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    assertDependencyOutageIsReported("redis", servers::stopRedis, servers::startRedis);
  }

  @Test
  void stoppedS3MakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    assertDependencyOutageIsReported("s3", servers::stopS3, servers::startS3);
  }

  @Test
  void stoppedKafkaMakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    assertDependencyOutageIsReported("kafka", servers::stopKafka, servers::startKafka);
  }

  @Test
  void stoppedPostgresMakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    assertDependencyOutageIsReported("database", servers::stopPostgres, servers::startPostgres);
  }

  private void assertDependencyOutageIsReported(String name, Runnable stop, Runnable start) {
    app.awaitStatus("health/ready", 200, WAIT);
    stop.run();
    try {
      var down = app.awaitStatus("health/ready", 503, WAIT);
      var check = check(down.json(), name);
      assertThat(check.getString("status")).isEqualTo("DOWN");
      assertThat(check.getJsonObject("data").getString("error")).isNotBlank();
      assertThat(check.getJsonObject("data").getString("state")).isEqualTo("DOWN");
      assertThat(check.getJsonObject("data").getString("required")).isEqualTo("true");
      assertThat(check(down.json(), "node").getString("status"))
          .as("the other checks are unaffected")
          .isEqualTo("UP");
    } finally {
      start.run();
    }
    var up = app.awaitStatus("health/ready", 200, WAIT);
    assertThat(check(up.json(), name).getString("status")).isEqualTo("UP");
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
  }
}
