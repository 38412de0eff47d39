package org.codeshare.collab.control;

import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.Update;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomNotFound;
import org.codeshare.rooms.entity.RoomRole;

/**
 * The author of a restore as the room's commit sees it: a participant without a socket, whose
 * refusal (the room locked for its role, the database unavailable) is thrown to the caller instead
 * of sent.
 */
final class Restorer implements Outlet {

  private static final JsonProvider JSON = JsonProvider.provider();

  private final Participant participant;
  private String refusal;

  private Restorer(UUID authorId, RoomRole role) {
    var peer = new Peer("restore-" + UUID.randomUUID(), "restore", "#000000", role);
    this.participant = new Participant(peer, "restore", authorId, true, "text", this);
  }

  static Restorer of(UUID authorId, RoomRole role) {
    return new Restorer(authorId, role);
  }

  /**
   * Commits on the room's actor one update that turns its text into {@code replacement}; returns
   * the room's version after it. Caught up first, so the replacement covers everything; a node
   * committing in between can still slip an edit in, hence the further rounds.
   *
   * @throws ProtocolError when the commit refused the restore
   * @throws RoomNotFound when the room was deleted
   */
  static long replace(LiveRoom room, String replacement, UUID authorId, RoomRole role) {
    for (int round = 0; round < 3 && !room.doc().equals(replacement); round++) {
      room.roomHistory().catchUp();
      if (room.closed()) {
        throw new RoomNotFound(room.id().toString());
      }
      var update =
          new Update("restore-" + UUID.randomUUID(), ChangeSet.replaceAll(room.doc(), replacement));
      var restorer = of(authorId, role);
      var queued = new Commit.Queued(restorer.participant(), room.version(), List.of(update), 0);
      new Commit(room, List.of(queued)).run();
      if (room.closed()) {
        throw new RoomNotFound(room.id().toString());
      }
      restorer.rethrow();
    }
    return room.version();
  }

  Participant participant() {
    return participant;
  }

  @Override
  public void send(String message) {
    refusal = message; // the commit sends its author nothing but an error
  }

  @Override
  public void close(int code, String reason) {}

  /**
   * @throws ProtocolError the error the commit answered the restore with, if any
   */
  void rethrow() {
    if (refusal == null) {
      return;
    }
    try (var reader = JSON.createReader(new StringReader(refusal))) {
      var error = reader.readObject();
      refusal = null;
      throw new ProtocolError(
          error.getString("code", ProtocolError.UNAVAILABLE),
          error.getString("message", "the restore was refused"));
    }
  }
}
