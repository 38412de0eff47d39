package org.codeshare.ratelimit.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Set;
import org.codeshare.platform.boundary.ClientAddress;
import org.codeshare.ratelimit.control.RateLimiter;
import org.codeshare.ratelimit.entity.Decision;
import org.codeshare.ratelimit.entity.RateLimited;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-minute budgets for the REST API, per signed-in user or, for anonymous callers, per client
 * address: {@code /api/admin/**} has its own, other requests count as reads (GET, HEAD, OPTIONS) or
 * writes. The container has authenticated the caller before any JAX-RS filter runs, so the user is
 * known; running before resource matching and the other filters, it also counts requests for
 * unknown paths, with bad tokens or oversized bodies. Every answer reports the budget in {@code
 * RateLimit-*} headers, and a request over it gets 429 with {@code Retry-After}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 300)
@ApplicationScoped
public class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String DECISION = RateLimitFilter.class.getName() + ".decision";
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Inject RateLimiter limiter;
  @Inject ClientAddress clientAddress;
  @Inject HttpServletRequest servletRequest;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.reads-per-minute", defaultValue = "60")
  int readsPerMinute;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.writes-per-minute", defaultValue = "20")
  int writesPerMinute;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.admin-per-minute", defaultValue = "100")
  int adminPerMinute;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!enabled) {
      return;
    }
    var path = request.getUriInfo().getPath();
    var admin = path.replaceFirst("^/+", "").matches("admin(/.*)?");
    var read = READS.contains(request.getMethod());
    var bucket = admin ? "admin" : read ? "read" : "write";
    var limit = admin ? adminPerMinute : read ? readsPerMinute : writesPerMinute;
    var user = request.getSecurityContext().getUserPrincipal();
    var key = user != null ? "user:" + user.getName() : "ip:" + clientAddress.of(servletRequest);
    var decision = limiter.tryAcquire(bucket, key, limit, MINUTE);
    request.setProperty(DECISION, decision);
    if (!decision.allowed()) {
      throw new RateLimited(decision);
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (request.getProperty(DECISION) instanceof Decision decision) {
      var headers = response.getHeaders();
      decision
          .headers()
          .forEach(
              (name, value) -> {
                if (!headers.containsKey(name)) {
                  headers.add(name, value);
                }
              });
    }
  }
}
