package org.codeshare.rooms.boundary;

import java.time.Instant;
import java.util.List;
import org.codeshare.rooms.control.RoomMembers;

/** Members and pending invitations of a room, as its owners see them. */
public record MemberView(List<Member> members, List<Invitation> invitations) {

  public record Member(String userId, String email, String displayName, String role) {}

  public record Invitation(String email, String role, Instant invitedAt) {}

  static MemberView of(RoomMembers.Roster roster) {
    return new MemberView(
        roster.members().stream()
            .map(
                m ->
                    new Member(
                        m.user().id().toString(),
                        m.user().email(),
                        m.user().displayName(),
                        m.role().name()))
            .toList(),
        roster.invitations().stream()
            .map(i -> new Invitation(i.email(), i.role().name(), i.createdAt()))
            .toList());
  }
}
