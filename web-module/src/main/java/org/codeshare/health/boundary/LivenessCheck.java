package org.codeshare.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * The application answers. Dependencies are deliberately not part of liveness: restarting a node
 * does not fix a database outage.
 */
@Liveness
@ApplicationScoped
public class LivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return HealthCheckResponse.named("application")
        .up()
        .withData("uptimeMs", ManagementFactory.getRuntimeMXBean().getUptime())
        .withData("heapUsedBytes", heap.getUsed())
        .withData("heapMaxBytes", heap.getMax())
        .build();
  }
}
