package org.codeshare.snapshots.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.rooms.boundary.ManageToken;
import org.codeshare.snapshots.control.History;

/** The room's current text as a file. */
@Path("rooms/{slug}/export")
@RequestScoped
public class ExportResource {

  @Inject History history;
  @Inject Caller caller;

  @GET
  @Produces({"text/plain", MediaType.APPLICATION_JSON})
  public Response export(
      @PathParam("slug") String slug, @HeaderParam(ManageToken.HEADER) String manageToken) {
    return Downloads.of(history.export(slug, caller, ManageToken.of(manageToken)), false);
  }
}
