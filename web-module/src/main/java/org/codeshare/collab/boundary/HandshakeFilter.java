package org.codeshare.collab.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.codeshare.accounts.boundary.TokenAuthentication;
import org.codeshare.lifecycle.control.NodeState;
import org.codeshare.platform.boundary.ClientAddress;
import org.codeshare.problems.boundary.Problem;
import org.codeshare.ratelimit.control.RateLimiter;
import org.codeshare.ratelimit.entity.RateLimited;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses WebSocket upgrades before they happen: while the node drains (503), too many from one
 * client address (429, counted on every node through the shared rate limiter), from a page of a
 * foreign origin (403, against cross-site WebSocket hijacking) and with a bad session token (401).
 * The endpoint checks the origin again on open, so a container that ran its upgrade before this
 * filter is still safe.
 */
@WebFilter("/ws/*")
public class HandshakeFilter extends HttpFilter {

  private static final Jsonb JSON = JsonbBuilder.create();
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @Inject OriginPolicy origins;
  @Inject NodeState node;
  @Inject RateLimiter limiter;
  @Inject ClientAddress clientAddress;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.enabled", defaultValue = "true")
  boolean rateLimited;

  @Inject
  @ConfigProperty(name = "codeshare.ratelimit.websocket-connects-per-minute", defaultValue = "15")
  int connectsPerMinute;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (node.draining()) {
      response.setHeader("Retry-After", "1");
      refuse(
          response,
          Problem.of(
              503, "node-draining", "Node restarting", "This node is shutting down; try again."));
      return;
    }
    if (rateLimited) {
      var decision =
          limiter.tryAcquire(
              RateLimiter.WEBSOCKET, "ip:" + clientAddress.of(request), connectsPerMinute, MINUTE);
      if (!decision.allowed()) {
        var refused = new RateLimited(decision);
        refused.headers().forEach(response::setHeader);
        refuse(
            response,
            Problem.of(
                429,
                "rate-limited",
                refused.title(),
                "Too many editor connections from this address. Try again in "
                    + decision.retryAfterSeconds()
                    + " seconds."));
        return;
      }
    }
    if (!origins.allows(
        request.getHeader("Origin"),
        request.getHeader("Host"),
        clientAddress.forwardedHost(request).orElse(null))) {
      refuse(
          response,
          Problem.of(
              403,
              "forbidden-origin",
              "Forbidden origin",
              "This page may not open editor sockets."));
      return;
    }
    if (request.getAttribute(TokenAuthentication.TOKEN_ERROR)
        instanceof TokenAuthentication.RejectedToken rejected) {
      refuse(
          response,
          Problem.of(401, "invalid-token", "Invalid token", rejected.reason().getMessage()));
      return;
    }
    if (request.getParameter("ticket") == null && request.getUserPrincipal() == null) {
      refuse(
          response,
          Problem.of(
              401,
              "unauthenticated",
              "Ticket required",
              "Open the editor with a ticket or a session."));
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, Problem problem) throws IOException {
    response.setStatus(problem.status());
    response.setContentType(Problem.MEDIA_TYPE);
    response.getWriter().write(JSON.toJson(problem));
  }
}
