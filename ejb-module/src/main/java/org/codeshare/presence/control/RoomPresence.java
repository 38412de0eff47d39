package org.codeshare.presence.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codeshare.presence.entity.Peer;

/**
 * The connections of one room on this node and the client IDs they have claimed. Guarded by its own
 * monitor, which {@link Presence} also holds while it writes them to Redis, so a heartbeat never
 * writes back an entry that has just left.
 */
final class RoomPresence {

  /** One connection: who it is, and whose it is (the account, or the guest's ticket subject). */
  record Entry(Peer peer, String subject) {}

  /** A client ID and the connection that pushes with it. */
  record Claim(String peerId, String subject) {}

  final Map<String, Entry> entries = new LinkedHashMap<>();
  final Map<String, Claim> claims = new HashMap<>();

  /** Set once the room is empty and dropped from the registry; a writer then starts over. */
  boolean retired;

  boolean isEmpty() {
    return entries.isEmpty() && claims.isEmpty();
  }

  List<String> claimsOf(String peerId) {
    var owned = new ArrayList<String>();
    claims.forEach(
        (clientId, claim) -> {
          if (claim.peerId().equals(peerId)) {
            owned.add(clientId);
          }
        });
    return owned;
  }
}
