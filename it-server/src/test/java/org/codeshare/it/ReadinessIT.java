package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

  private static final Duration WAIT = Duration.ofSeconds(30);

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();

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
