package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.codeshare.accounts.control.Accounts;
import org.codeshare.accounts.entity.Caller;

@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

  @Inject Caller caller;
  @Inject Accounts accounts;

  @GET
  public UserView me() {
    return UserView.of(accounts.user(caller.requireSignedIn().userId()));
  }
}
