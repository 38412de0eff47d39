package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codeshare.testing.Readiness.check;

import java.net.URL;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Readiness;
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
 * Readiness on Payara Micro: one check per configured dependency with its latency, the node's own
 * check, and each dependency stopped in turn makes the node unready (503) with the error in that
 * check's data.
 */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class MicroReadinessIT {

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
  void readinessReportsEveryConfiguredDependencyAndTheNode() {
    var ready = Readiness.everyDependencyUp(app);
    assertThat(check(ready, "node").getString("status")).isEqualTo("UP");
    assertThat(check(ready, "node").getJsonObject("data").getString("state")).isEqualTo("serving");
  }

  @Test
  void livenessAndStartupAreUp() {
    assertThat(app.get("health/live").status()).isEqualTo(200);
    var started = app.get("health/started");
    assertThat(started.status()).isEqualTo(200);
    assertThat(check(started.json(), "schema").getString("status")).isEqualTo("UP");
    assertThat(app.get("health").status()).isEqualTo(200);
  }

  @Test
  void stoppedRedisMakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    Readiness.outageIsReported(app, "redis", servers::stopRedis, servers::startRedis);
  }

  @Test
  void stoppedS3MakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    Readiness.outageIsReported(app, "s3", servers::stopS3, servers::startS3);
  }

  @Test
  void stoppedKafkaMakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    Readiness.outageIsReported(app, "kafka", servers::stopKafka, servers::startKafka);
  }

  @Test
  void stoppedPostgresMakesTheNodeUnreadyUntilItReturns(RealServers servers) {
    Readiness.outageIsReported(app, "database", servers::stopPostgres, servers::startPostgres);
  }
}
