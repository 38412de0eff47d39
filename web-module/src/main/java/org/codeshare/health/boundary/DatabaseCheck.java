package org.codeshare.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.codeshare.database.control.DatabaseProbe;
import org.codeshare.database.control.SchemaState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  @Inject DatabaseProbe probe;
  @Inject SchemaState schema;
  @Inject ProbeResponses responses;

  @Override
  public HealthCheckResponse call() {
    if (!schema.ready()) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", "schema migration has not completed")
          .build();
    }
    return responses.of(probe.check());
  }
}
