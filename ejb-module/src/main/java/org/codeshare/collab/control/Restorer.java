package org.codeshare.collab.control;

import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.UUID;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.presence.entity.Peer;
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
