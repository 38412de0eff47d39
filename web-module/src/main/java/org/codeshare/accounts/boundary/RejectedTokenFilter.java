package org.codeshare.accounts.boundary;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.codeshare.problems.boundary.Problem;

/**
 * A request that presents a bad token gets 401, even where anonymous callers are welcome: the
 * caller meant to be someone. Signing in, registering and signing out stay reachable, and a stale
 * browser cookie is cleared.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class RejectedTokenFilter implements ContainerRequestFilter {

  @Context HttpServletRequest request;
  @Inject SessionCookies cookies;

  @Override
  public void filter(ContainerRequestContext context) {
    if (!(request.getAttribute(TokenAuthentication.TOKEN_ERROR)
        instanceof TokenAuthentication.RejectedToken rejected)) {
      return;
    }
    if (context.getUriInfo().getPath().startsWith("auth/")) {
      return;
    }
    var reason = rejected.reason();
    var response =
        Response.fromResponse(
            Problem.of(401, "invalid-token", reason.title(), reason.getMessage())
                .at("/" + context.getUriInfo().getPath())
                .toResponse());
    response.header("WWW-Authenticate", "Bearer error=\"invalid_token\"");
    if (rejected.fromCookie()) {
      response.cookie(cookies.cleared());
    }
    context.abortWith(response.build());
  }
}
