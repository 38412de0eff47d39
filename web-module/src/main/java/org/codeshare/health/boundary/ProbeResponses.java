package org.codeshare.health.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.codeshare.health.entity.Probe;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Turns a dependency probe into a health check response. A dependency listed in {@code
 * codeshare.health.optional} reports its failure in the details without failing readiness.
 */
@ApplicationScoped
public class ProbeResponses {

  @Inject
  @ConfigProperty(name = "codeshare.health.optional", defaultValue = "none")
  List<String> optional;

  public HealthCheckResponse of(Probe probe) {
    var required = required(probe.name());
    var builder =
        HealthCheckResponse.named(probe.name())
            .status(probe.up() || !required)
            .withData("configured", probe.configured())
            .withData("kind", probe.kind());
    if (probe.configured()) {
      builder.withData("latencyMs", probe.latencyMillis()).withData("required", required);
      builder.withData("state", probe.up() ? "UP" : "DOWN");
    }
    if (probe.error() != null) {
      builder.withData("error", probe.error());
    }
    return builder.build();
  }

  /** Whether the dependency's outage fails readiness: unless it is listed as optional. */
  boolean required(String name) {
    // "redis, kafka" lists " kafka": the server's converter does not trim list elements
    return optional.stream().map(String::strip).noneMatch(name::equalsIgnoreCase);
  }
}
