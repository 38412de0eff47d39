package org.codeshare.admin.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.codeshare.accounts.boundary.UserView;
import org.codeshare.accounts.control.UserAdministration;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.platform.boundary.PathIds;
import org.codeshare.rooms.boundary.PageView;
import org.codeshare.rooms.control.RoomListing;
import org.codeshare.rooms.control.Rooms;

@Path("admin")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminResource {

  @Inject Caller caller;
  @Inject UserAdministration users;
  @Inject RoomListing listing;
  @Inject Rooms rooms;

  @GET
  @Path("users")
  public PageView<UserView> users(
      @QueryParam("q") @Size(max = 254) String query,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return PageView.of(users.search(caller, Optional.ofNullable(query), page, size), UserView::of);
  }

  @PATCH
  @Path("users/{id}")
  public UserView update(
      @PathParam("id") String id,
      @NotNull(message = "a JSON object is required") @Valid UserPatch body) {
    return UserView.of(users.setDisabled(caller, PathIds.uuid(id), body.disabled()));
  }

  @GET
  @Path("rooms")
  public PageView<AdminRoomView> rooms(
      @QueryParam("q") @Size(max = 200) String query,
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
    return PageView.of(
        listing.search(caller, Optional.ofNullable(query), page, size), AdminRoomView::of);
  }

  @DELETE
  @Path("rooms/{slug}")
  public Response deleteRoom(@PathParam("slug") String slug) {
    caller.requireAdmin();
    rooms.delete(slug, caller, Optional.empty());
    return Response.noContent().build();
  }
}
