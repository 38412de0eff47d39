package org.codeshare.rooms.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.rooms.control.RoomListing;
import org.codeshare.rooms.control.RoomTickets;
import org.codeshare.rooms.control.Rooms;

@Path("rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomsResource {

  @Inject Rooms rooms;
  @Inject RoomListing listing;
  @Inject RoomTickets tickets;
  @Inject Caller caller;

  @HeaderParam(ManageToken.HEADER)
  String manageToken;

  @POST
  public Response create(
      @NotNull(message = "a JSON object is required") @Valid NewRoom body,
      @Context UriInfo uriInfo) {
    var created = rooms.create(body.titleOrDefault(), body.languageOrDefault(), caller);
    var location = uriInfo.getAbsolutePathBuilder().path(created.room().room().slug()).build();
    return Response.created(location).entity(RoomView.of(created)).build();
  }

  /** The caller's rooms (member or owner), newest activity first unless sorted otherwise. */
  @GET
  public PageView<RoomView> mine(
      @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
      @QueryParam("sort")
          @DefaultValue("updatedAt,desc")
          @Pattern(
              regexp = "(updatedAt|createdAt|title)(,(asc|desc))?",
              message = "must be updatedAt, createdAt or title, optionally with ,asc or ,desc")
          String sort) {
    var parts = sort.split(",");
    var descending = parts.length < 2 || parts[1].equals("desc");
    return PageView.of(listing.mine(caller, page, size, parts[0], descending), RoomView::of);
  }

  @GET
  @Path("{slug}")
  public RoomView get(@PathParam("slug") String slug) {
    return RoomView.of(rooms.view(slug, caller, ManageToken.of(manageToken)));
  }

  @PATCH
  @Path("{slug}")
  public RoomView update(
      @PathParam("slug") String slug,
      @NotNull(message = "a JSON object is required") @Valid RoomPatch body) {
    return RoomView.of(rooms.update(slug, body.changes(), caller, ManageToken.of(manageToken)));
  }

  @DELETE
  @Path("{slug}")
  public Response delete(@PathParam("slug") String slug) {
    rooms.delete(slug, caller, ManageToken.of(manageToken));
    return Response.noContent().build();
  }

  /** A short-lived ticket for opening the room's WebSocket. */
  @POST
  @Path("{slug}/ticket")
  public TicketView ticket(@PathParam("slug") String slug, @Valid TicketRequest body) {
    var name = body == null || body.name() == null ? "Guest" : body.name().strip();
    var ticket = tickets.issue(slug, caller, ManageToken.of(manageToken), name);
    return new TicketView(ticket.ticket(), ticket.expiresAt(), ticket.role().name());
  }
}
