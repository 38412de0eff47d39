package org.codeshare.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.codeshare.storage.control.ObjectStore;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class S3Check implements HealthCheck {

  @Inject ObjectStore connection;
  @Inject ProbeResponses responses;

  @Override
  public HealthCheckResponse call() {
    return responses.of(connection.check());
  }
}
