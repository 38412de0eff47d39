package org.codeshare.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code codeshare_http_request_seconds{method, status}}: every HTTP request this node served, by
 * method and status class ({@code 2xx} … {@code 5xx}), so error rates and latency can be alerted
 * on.
 */
@ApplicationScoped
public class HttpMetrics {

  public static final String REQUESTS = "codeshare_http_request";

  @Inject MetricRegistry registry;

  public void record(String method, int status, long nanos) {
    registry
        .timer(
            Metadata.builder()
                .withName(REQUESTS)
                .withDescription("HTTP requests served, by method and status class")
                .withUnit(MetricUnits.NANOSECONDS)
                .build(),
            new Tag("method", knownMethod(method)),
            new Tag("status", status / 100 + "xx"))
        .update(Duration.ofNanos(nanos));
  }

  private static String knownMethod(String method) {
    return switch (method) {
      case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS" -> method;
      default -> "OTHER";
    };
  }
}
