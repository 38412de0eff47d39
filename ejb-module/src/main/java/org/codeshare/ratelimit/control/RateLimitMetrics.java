package org.codeshare.ratelimit.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** {@code codeshare_rate_limit_rejections_total{bucket=…}}: requests refused with 429. */
@ApplicationScoped
public class RateLimitMetrics {

  public static final String REJECTIONS = "codeshare_rate_limit_rejections";
  static final List<String> KNOWN_BUCKETS =
      List.of("read", "write", "admin", RateLimiter.AUTH, RateLimiter.WEBSOCKET);

  @Inject MetricRegistry registry;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    KNOWN_BUCKETS.forEach(this::counter);
  }

  void rejected(String bucket) {
    counter(bucket).inc();
  }

  private Counter counter(String bucket) {
    return registry.counter(
        Metadata.builder()
            .withName(REJECTIONS)
            .withDescription("Requests refused by a rate limit, by bucket")
            .build(),
        new Tag("bucket", bucket));
  }
}
