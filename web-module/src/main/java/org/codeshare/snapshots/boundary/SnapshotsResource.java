package org.codeshare.snapshots.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.rooms.boundary.ManageToken;
import org.codeshare.rooms.boundary.PageView;
import org.codeshare.snapshots.control.History;

/** A room's snapshots: list, download, save a named version now, restore one. */
@Path("rooms/{slug}/snapshots")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SnapshotsResource {

  @Inject History history;
  @Inject Caller caller;

  @PathParam("slug")
  String slug;

  @HeaderParam(ManageToken.HEADER)
  String manageToken;

  /** Newest first. */
  @GET
  public PageView<SnapshotView> list(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return PageView.of(
        history.list(slug, caller, ManageToken.of(manageToken), page, size), SnapshotView::of);
  }

  @POST
  public Response save(@Valid NewVersion body) {
    var label = body == null ? null : body.labelOrNull();
    var saved = history.save(slug, label, caller, ManageToken.of(manageToken));
    return Response.status(Response.Status.CREATED).entity(SnapshotView.of(saved)).build();
  }

  @GET
  @Path("{version}/content")
  @Produces({"text/plain", MediaType.APPLICATION_JSON})
  public Response content(@PathParam("version") String version) {
    return Downloads.of(
        history.content(slug, version(version), caller, ManageToken.of(manageToken)), true);
  }

  @POST
  @Path("{version}/restore")
  public RestoredView restore(@PathParam("version") String version) {
    long from = version(version);
    return new RestoredView(history.restore(slug, from, caller, ManageToken.of(manageToken)), from);
  }

  private static long version(String value) {
    if (!value.matches("[0-9]{1,18}")) {
      throw new NotFoundException();
    }
    return Long.parseLong(value);
  }
}
