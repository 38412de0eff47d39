package org.codeshare.lifecycle.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.codeshare.lifecycle.control.NodeState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN from the moment the node starts draining, so load balancers stop sending it clients. */
@Readiness
@ApplicationScoped
public class DrainingCheck implements HealthCheck {

  @Inject NodeState node;

  @Override
  public HealthCheckResponse call() {
    var response = HealthCheckResponse.named("node").status(!node.draining());
    node.drainingSince()
        .ifPresentOrElse(
            since -> response.withData("state", "draining").withData("since", since.toString()),
            () -> response.withData("state", "serving"));
    return response.build();
  }
}
