package org.codeshare.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.codeshare.snapshots.control.SnapshotMetrics;
import org.codeshare.snapshots.control.SnapshotStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Snapshot integrity as seen by this node: where snapshots go, how many were found corrupt or
 * missing on cold loads, and the newest problem. Always UP: a bad snapshot is bypassed by the
 * previous one and needs an operator's look, not a restart.
 */
@Readiness
@ApplicationScoped
public class SnapshotsCheck implements HealthCheck {

  @Inject SnapshotStore store;
  @Inject SnapshotMetrics metrics;

  @Override
  public HealthCheckResponse call() {
    var builder =
        HealthCheckResponse.named("snapshots")
            .up()
            .withData("store", store.kind().name().toLowerCase(java.util.Locale.ROOT))
            .withData("unreadableSeen", metrics.unreadableSeen());
    var problem = metrics.lastProblem();
    if (problem != null) {
      builder.withData("lastProblem", problem);
    }
    return builder.build();
  }
}
