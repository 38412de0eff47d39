package org.codeshare.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.codeshare.database.control.SchemaState;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** Started once the schema is migrated and validated. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

  @Inject SchemaState schema;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("schema")
        .status(schema.ready())
        .withData("version", String.valueOf(schema.version()))
        .build();
  }
}
