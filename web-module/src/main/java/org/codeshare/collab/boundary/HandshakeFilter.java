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
import org.codeshare.accounts.boundary.TokenAuthentication;
import org.codeshare.lifecycle.control.NodeState;
import org.codeshare.problems.boundary.Problem;

/**
 * Refuses WebSocket upgrades before they happen: while the node drains (503), from a page of a
 * foreign origin (403, against cross-site WebSocket hijacking) and with a bad session token (401).
 * The endpoint checks the origin again on open, so a container that ran its upgrade before this
 * filter is still safe.
 */
@WebFilter("/ws/*")
public class HandshakeFilter extends HttpFilter {

  private static final Jsonb JSON = JsonbBuilder.create();

  @Inject OriginPolicy origins;
  @Inject NodeState node;

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
    if (!origins.allows(request.getHeader("Origin"), request.getHeader("Host"))) {
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
