package org.codeshare.collab.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.Update;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.control.RoomRights;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Open connections are held to a room's rights as soon as they change. */
class AccessRefreshTest extends SequencerFixture {

  private final UUID annId = UUID.randomUUID();
  private final Map<UUID, RoomRole> members = new HashMap<>();
  private volatile boolean locked;
  private volatile LinkAccess linkAccess = LinkAccess.PRIVATE;
  private volatile boolean deleted;

  @BeforeEach
  void rights() {
    members.put(annId, RoomRole.EDITOR);
    sequencer.rights =
        new RoomRights() {
          @Override
          public Optional<Current> of(UUID room, Collection<UUID> userIds) {
            return deleted
                ? Optional.empty()
                : Optional.of(new Current(locked, linkAccess, Map.copyOf(members), Set.of()));
          }
        };
  }

  private Participant join(
      String name, UUID userId, RoomRole role, boolean manager, RecordingOutlet outlet) {
    var participant =
        new Participant(
            new Peer(name, name, "#000", role), name, userId, true, "java", outlet, manager);
    sequencer.join(roomId, participant);
    outlet.next("hello");
    return participant;
  }

  private static ClientMessage.Push push(String clientId) {
    try (var reader = JsonProvider.provider().createReader(new StringReader("[[0,\"x\"]]"))) {
      var changes = ChangeSet.fromJson(reader.readArray());
      return new ClientMessage.Push(0, List.of(new Update(clientId, changes)));
    }
  }

  @Test
  void aMemberDemotedToViewerIsToldAndTheirNextPushIsRefused() {
    var ann = new RecordingOutlet();
    var bob = new RecordingOutlet();
    var a = join("ann", annId, RoomRole.EDITOR, false, ann);
    join("bob", null, RoomRole.OWNER, true, bob);

    members.put(annId, RoomRole.VIEWER);
    sequencer.refresh(roomId);

    var access = ann.next("access");
    assertThat(access.getString("role")).isEqualTo("VIEWER");
    assertThat(access.getBoolean("canEdit")).isFalse();
    var seen = bob.next("presence").getJsonObject("joined");
    assertThat(seen.getString("id")).isEqualTo("ann");
    assertThat(seen.getString("role")).isEqualTo("VIEWER");
    sequencer.push(roomId, a, push("ann"));
    assertThat(ann.next("error").getString("code")).isEqualTo("forbidden");
    assertThat(log.history).isEmpty();
  }

  @Test
  void aLockTakesEditingAwayFromEveryoneButOwnersAndAnUnlockGivesItBack() {
    var ann = new RecordingOutlet();
    var owner = new RecordingOutlet();
    join("ann", annId, RoomRole.EDITOR, false, ann);
    join("owner", null, RoomRole.OWNER, true, owner);

    locked = true;
    sequencer.refresh(roomId);
    assertThat(ann.next("access").getBoolean("canEdit")).isFalse();
    locked = false;
    sequencer.refresh(roomId);

    assertThat(ann.next("access").getBoolean("canEdit")).isTrue();
    assertThat(owner.messages).noneMatch(m -> m.getString("type").equals("access"));
  }

  @Test
  void someoneWhoLostAccessIsClosedAndTheOthersSeeThemLeave() {
    var ann = new RecordingOutlet();
    var guest = new RecordingOutlet();
    linkAccess = LinkAccess.EDIT;
    join("ann", annId, RoomRole.EDITOR, false, ann);
    join("guest", null, RoomRole.EDITOR, false, guest);
    ann.next("presence");

    linkAccess = LinkAccess.PRIVATE;
    sequencer.refresh(roomId);

    assertThat(ann.next("presence").getJsonObject("left").getString("id")).isEqualTo("guest");
    assertThat(guest.closedWith).isEqualTo(LiveRoom.CLOSE_GONE);
    assertThat(ann.closedWith).isZero();
  }

  @Test
  void theHolderOfTheManageTokenStaysOwnerWhateverTheSharing() {
    var creator = new RecordingOutlet();
    linkAccess = LinkAccess.EDIT;
    var c = join("creator", null, RoomRole.OWNER, true, creator);

    linkAccess = LinkAccess.PRIVATE;
    locked = true;
    sequencer.refresh(roomId);
    sequencer.push(roomId, c, push("creator"));

    assertThat(creator.next("updates").getJsonArray("updates")).hasSize(1);
    assertThat(creator.closedWith).isZero();
  }

  @Test
  void aDeletedRoomClosesEveryConnection() {
    var ann = new RecordingOutlet();
    join("ann", annId, RoomRole.EDITOR, false, ann);

    deleted = true;
    sequencer.refresh(roomId);

    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (ann.closedWith == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(ann.closedWith).isEqualTo(LiveRoom.CLOSE_GONE);
  }
}
