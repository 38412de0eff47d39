package org.codeshare.rooms.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.codeshare.rooms.control.Rooms;

@Path("rooms")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomsResource {

  @Inject Rooms rooms;

  @POST
  public Response create(
      @NotNull(message = "a JSON object is required") @Valid NewRoom request,
      @Context UriInfo uriInfo) {
    var room = rooms.create(request.titleOrDefault(), request.languageOrDefault());
    var location = uriInfo.getAbsolutePathBuilder().path(room.slug()).build();
    return Response.created(location).entity(RoomView.of(room)).build();
  }

  @GET
  @Path("{slug}")
  public RoomView get(@PathParam("slug") String slug) {
    return RoomView.of(rooms.bySlug(slug));
  }
}
