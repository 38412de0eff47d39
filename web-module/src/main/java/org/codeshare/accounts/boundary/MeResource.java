package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.codeshare.accounts.control.Accounts;
import org.codeshare.accounts.entity.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;
  @Inject Accounts accounts;
  @Inject JsonWebToken session;

  @GET
  public UserView me() {
    var user = accounts.user(caller.requireSignedIn().userId());
    return UserView.of(user, Instant.ofEpochSecond(session.getExpirationTime()));
  }
}
