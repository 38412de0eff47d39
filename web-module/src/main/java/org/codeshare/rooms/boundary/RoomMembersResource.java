package org.codeshare.rooms.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.platform.boundary.PathIds;
import org.codeshare.rooms.control.RoomMembers;
import org.codeshare.rooms.entity.RoomRole;

@Path("rooms/{slug}/members")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RoomMembersResource {

  @Inject RoomMembers members;
  @Inject Caller caller;

  @PathParam("slug")
  String slug;

  @HeaderParam(ManageToken.HEADER)
  String manageToken;

  @GET
  public MemberView list() {
    return MemberView.of(members.roster(slug, caller, ManageToken.of(manageToken)));
  }

  @POST
  public MemberView invite(@NotNull(message = "a JSON object is required") @Valid NewMember body) {
    return MemberView.of(
        members.invite(
            slug,
            body.email(),
            RoomRole.valueOf(body.role()),
            caller,
            ManageToken.of(manageToken)));
  }

  @PUT
  @Path("{userId}")
  public MemberView changeRole(
      @PathParam("userId") String userId,
      @NotNull(message = "a JSON object is required") @Valid RoleChange body) {
    return MemberView.of(
        members.changeRole(
            slug,
            PathIds.uuid(userId),
            RoomRole.valueOf(body.role()),
            caller,
            ManageToken.of(manageToken)));
  }

  @DELETE
  @Path("{userId}")
  public Response remove(@PathParam("userId") String userId) {
    members.remove(slug, PathIds.uuid(userId), caller, ManageToken.of(manageToken));
    return Response.noContent().build();
  }

  @DELETE
  @Path("invitations/{email}")
  public Response cancelInvitation(@PathParam("email") String email) {
    members.cancelInvitation(slug, email, caller, ManageToken.of(manageToken));
    return Response.noContent().build();
  }
}
