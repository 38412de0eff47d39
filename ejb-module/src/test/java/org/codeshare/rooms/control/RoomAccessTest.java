package org.codeshare.rooms.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.Role;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;

/** The rules that need no membership lookup: link access, manage token, admin, lock. */
class RoomAccessTest {

  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
  private final RoomAccess access = new RoomAccess();

  private static Room room(LinkAccess linkAccess) {
    var room = new Room("abcdefghjk", "Room", Language.GO, NOW);
    room.changeLinkAccess(linkAccess, NOW);
    room.manageableWith(RoomAccess.hash("secret-token"));
    return room;
  }

  @Test
  void linkAccessDecidesForPeopleWithoutMembership() {
    assertThat(access.roleOf(room(LinkAccess.EDIT), Caller.ANONYMOUS, Optional.empty()))
        .contains(RoomRole.EDITOR);
    assertThat(access.roleOf(room(LinkAccess.VIEW), Caller.ANONYMOUS, Optional.empty()))
        .contains(RoomRole.VIEWER);
    assertThat(access.roleOf(room(LinkAccess.PRIVATE), Caller.ANONYMOUS, Optional.empty()))
        .isEmpty();
  }

  @Test
  void theManageTokenGrantsOwnershipAndOnlyTheRightOne() {
    var room = room(LinkAccess.PRIVATE);

    assertThat(access.roleOf(room, Caller.ANONYMOUS, Optional.of("secret-token")))
        .contains(RoomRole.OWNER);
    assertThat(access.roleOf(room, Caller.ANONYMOUS, Optional.of("secret-tokem"))).isEmpty();
  }

  @Test
  void administratorsHaveOwnerRightsEverywhere() {
    var admin = new Caller(UUID.randomUUID(), Role.ADMIN, "Admin", "admin@example.com");

    assertThat(access.roleOf(room(LinkAccess.PRIVATE), admin, Optional.empty()))
        .contains(RoomRole.OWNER);
  }

  @Test
  void aLockedRoomIsReadOnlyForAllButOwners() {
    var room = room(LinkAccess.EDIT);
    room.lock(true, NOW);

    assertThat(RoomAccess.canEdit(room, RoomRole.OWNER)).isTrue();
    assertThat(RoomAccess.canEdit(room, RoomRole.EDITOR)).isFalse();
    room.lock(false, NOW);
    assertThat(RoomAccess.canEdit(room, RoomRole.EDITOR)).isTrue();
    assertThat(RoomAccess.canEdit(room, RoomRole.VIEWER)).isFalse();
  }
}
