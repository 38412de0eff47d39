package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.codeshare.accounts.control.Accounts;
import org.codeshare.accounts.entity.InvalidToken;

@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {

  @Inject Accounts accounts;
  @Inject SessionCookies cookies;
  @Inject AuthAttempts attempts;
  @Context HttpServletRequest request;

  @POST
  @Path("register")
  public Response register(
      @NotNull(message = "a JSON object is required") @Valid Registration body) {
    attempts.check(request, body.email());
    var session =
        accounts.register(body.email(), body.password().toCharArray(), body.displayName());
    return Response.status(Response.Status.CREATED)
        .cookie(cookies.of(session.token().token(), session.token().expiresAt()))
        .entity(SessionView.of(session))
        .build();
  }

  @POST
  @Path("login")
  public Response login(@NotNull(message = "a JSON object is required") @Valid Credentials body) {
    attempts.check(request, body.email());
    var session = accounts.login(body.email(), body.password().toCharArray());
    return Response.ok(SessionView.of(session))
        .cookie(cookies.of(session.token().token(), session.token().expiresAt()))
        .build();
  }

  /** Revokes the presented token everywhere and clears the cookie; idempotent. */
  @POST
  @Path("logout")
  public Response logout() {
    SessionToken.of(request)
        .ifPresent(
            token -> {
              try {
                accounts.logout(token.value());
              } catch (InvalidToken alreadyUseless) {
                // Signing out with an expired or revoked token has nothing left to do.
              }
            });
    return Response.noContent().cookie(cookies.cleared()).build();
  }
}
