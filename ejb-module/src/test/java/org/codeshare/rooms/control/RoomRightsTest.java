package org.codeshare.rooms.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;

/** The rights open sockets are held to apply the same rules as the REST API. */
class RoomRightsTest {

  private final UUID member = UUID.randomUUID();
  private final UUID admin = UUID.randomUUID();

  private RoomRights.Current current(boolean locked, LinkAccess linkAccess) {
    return new RoomRights.Current(
        locked, linkAccess, Map.of(member, RoomRole.VIEWER), Set.of(admin));
  }

  @Test
  void theStrongerOfMembershipAndLinkWins() {
    assertThat(current(false, LinkAccess.EDIT).roleOf(member, false)).contains(RoomRole.EDITOR);
    assertThat(current(false, LinkAccess.PRIVATE).roleOf(member, false)).contains(RoomRole.VIEWER);
  }

  @Test
  void guestsHaveWhatTheLinkGivesAndNothingInAPrivateRoom() {
    assertThat(current(false, LinkAccess.VIEW).roleOf(null, false)).contains(RoomRole.VIEWER);
    assertThat(current(false, LinkAccess.PRIVATE).roleOf(null, false)).isEmpty();
    assertThat(current(false, LinkAccess.PRIVATE).roleOf(UUID.randomUUID(), false)).isEmpty();
  }

  @Test
  void administratorsAndManageTokenHoldersAreOwnersEvenOfLockedPrivateRooms() {
    var room = current(true, LinkAccess.PRIVATE);

    assertThat(room.roleOf(admin, false)).contains(RoomRole.OWNER);
    assertThat(room.roleOf(null, true)).contains(RoomRole.OWNER);
    assertThat(room.canEdit(RoomRole.OWNER)).isTrue();
    assertThat(room.canEdit(RoomRole.EDITOR)).isFalse();
  }
}
