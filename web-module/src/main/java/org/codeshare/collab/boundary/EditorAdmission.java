package org.codeshare.collab.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.accounts.control.Accounts;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.InvalidToken;
import org.codeshare.rooms.control.RoomAccess;
import org.codeshare.rooms.control.RoomTickets;
import org.codeshare.rooms.control.Rooms;
import org.codeshare.rooms.entity.RoomNotFound;
import org.codeshare.rooms.entity.RoomRole;

/**
 * Decides who an editor socket belongs to and what they may do: by a single-use ticket when the URL
 * carries one, else by the session the handshake was authenticated with. Never anonymous.
 */
@ApplicationScoped
public class EditorAdmission {

  @Inject OriginPolicy origins;
  @Inject RoomTickets tickets;
  @Inject Rooms rooms;
  @Inject Accounts accounts;

  /**
   * Someone let into a room; {@code userId} is null for guests, {@code manager} is true when the
   * role comes from the room's manage token.
   */
  record Admitted(
      UUID roomId,
      String subject,
      UUID userId,
      String name,
      RoomRole role,
      boolean canEdit,
      String language,
      boolean manager) {}

  /** Why a socket is closed right after opening, with its close code. */
  static final class Refused extends Exception {
    private final int code;

    Refused(int code, String reason) {
      super(reason, null, false, false);
      this.code = code;
    }

    int code() {
      return code;
    }
  }

  Admitted admit(String slug, EditorHandshake.Captured handshake) throws Refused {
    if (handshake == null) {
      throw new Refused(CloseCodes.UNAUTHENTICATED, "no handshake");
    }
    if (!origins.allows(handshake.origin(), handshake.host(), handshake.forwardedHost())) {
      throw new Refused(CloseCodes.FORBIDDEN_ORIGIN, "origin not allowed");
    }
    try {
      if (handshake.ticket() != null) {
        return byTicket(slug, handshake.ticket());
      }
      if (handshake.principal() != null) {
        return bySession(slug, handshake.principal().getName());
      }
    } catch (InvalidToken e) {
      throw new Refused(CloseCodes.UNAUTHENTICATED, e.getMessage());
    } catch (RoomNotFound e) {
      throw new Refused(CloseCodes.ROOM_NOT_FOUND, "room not found");
    }
    throw new Refused(CloseCodes.UNAUTHENTICATED, "a ticket or a session is required");
  }

  private Admitted byTicket(String slug, String ticket) {
    var grant = tickets.redeem(ticket, slug);
    var room = rooms.bySlug(slug);
    return new Admitted(
        room.id(),
        grant.subject(),
        grant.anonymous() ? null : UUID.fromString(grant.subject()),
        grant.displayName(),
        grant.role(),
        RoomAccess.canEdit(room, grant.role()),
        room.language().id(),
        grant.manager());
  }

  private Admitted bySession(String slug, String principal) {
    UUID userId;
    try {
      userId = UUID.fromString(principal);
    } catch (IllegalArgumentException e) {
      throw new InvalidToken("not a CodeShare session");
    }
    var user = accounts.user(userId);
    if (user.disabled()) {
      throw new InvalidToken("account disabled");
    }
    var visible = rooms.view(slug, Caller.of(user), Optional.empty());
    return new Admitted(
        visible.room().id(),
        userId.toString(),
        userId,
        user.displayName(),
        visible.role(),
        visible.canEdit(),
        visible.room().language().id(),
        false);
  }
}
