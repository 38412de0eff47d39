package org.codeshare.presence.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.Test;

/** Presence on a node without Redis: its own connections are the whole roster. */
class PresenceTest {

  private final Presence presence = new Presence();
  private final UUID room = UUID.randomUUID();

  private static Peer peer(String id) {
    return new Peer(id, id, "#000", RoomRole.EDITOR);
  }

  @Test
  void aClientIdBelongsToTheFirstConnectionThatClaimsItUntilItLeaves() {
    presence.enter(room, peer("ann-1"), "ann");
    presence.enter(room, peer("bob-1"), "bob");

    assertThat(presence.claim(room, "editor-7", "ann-1", "ann")).isTrue();
    assertThat(presence.claim(room, "editor-7", "ann-1", "ann")).isTrue();
    assertThat(presence.claim(room, "editor-7", "bob-1", "bob")).isFalse();

    presence.leave(room, "ann-1");

    assertThat(presence.claim(room, "editor-7", "bob-1", "bob")).isTrue();
  }

  @Test
  void theSamePersonMayTakeTheirClientIdToANewConnection() {
    presence.enter(room, peer("ann-1"), "ann");
    presence.enter(room, peer("ann-2"), "ann");
    presence.claim(room, "editor-7", "ann-1", "ann");

    assertThat(presence.claim(room, "editor-7", "ann-2", "ann")).isTrue();
  }

  @Test
  void clientIdsAreClaimedPerRoom() {
    presence.claim(room, "editor-7", "ann-1", "ann");

    assertThat(presence.claim(UUID.randomUUID(), "editor-7", "bob-1", "bob")).isTrue();
  }

  @Test
  void withoutRedisNobodyIsElsewhere() {
    presence.enter(room, peer("ann-1"), "ann");

    assertThat(presence.shared()).isFalse();
    assertThat(presence.elsewhere(room)).isEmpty();
  }
}
