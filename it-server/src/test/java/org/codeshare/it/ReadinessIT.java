package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.codeshare.testing.Readiness.check;

import org.codeshare.testing.AppClient;
import org.codeshare.testing.Readiness;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Readiness of the EAR on Payara Server; the checks themselves are in {@link Readiness}. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class ReadinessIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();

  @Test
  void readinessReportsEveryConfiguredDependencyWithLatency() {
    Readiness.everyDependencyUp(app);
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
