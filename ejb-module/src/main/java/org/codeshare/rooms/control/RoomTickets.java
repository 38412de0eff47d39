package org.codeshare.rooms.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.accounts.control.Tokens;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.InvalidToken;
import org.codeshare.rooms.entity.RoomRole;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Short-lived, single-use tickets for the WebSocket handshake, so a long-lived session token never
 * travels in a URL. A ticket names the room, the person and the role they had when it was issued.
 */
@Stateless
public class RoomTickets {

  @Inject Rooms rooms;
  @Inject Tokens tokens;
  @Inject TicketLedger ledger;

  @Inject
  @ConfigProperty(name = "codeshare.ws.ticket-ttl", defaultValue = "PT60S")
  Duration ttl; // converted, and so checked, when the application deploys

  /** An issued ticket. */
  public record Ticket(String ticket, java.time.Instant expiresAt, RoomRole role) {}

  /**
   * What a redeemed ticket grants; {@code manager} when the role came from the room's manage token
   * (which keeps owner rights whatever the room's sharing becomes).
   */
  public record Grant(
      String slug, String subject, String displayName, RoomRole role, boolean manager) {
    public boolean anonymous() {
      return subject.startsWith("anonymous:");
    }
  }

  public Ticket issue(String slug, Caller caller, Optional<String> manageToken, String guestName) {
    var visible = rooms.view(slug, caller, manageToken);
    var subject = caller.signedIn() ? caller.userId().toString() : "anonymous:" + UUID.randomUUID();
    var name = caller.signedIn() ? caller.displayName() : guestName;
    var issued =
        tokens.issue(
            Tokens.TICKET,
            subject,
            ttl,
            List.of(),
            Map.of(
                "room",
                slug,
                "role",
                visible.role().name(),
                "name",
                name,
                "manage",
                RoomAccess.managedWith(visible.room(), manageToken)));
    return new Ticket(issued.token(), issued.expiresAt(), visible.role());
  }

  /** Verifies a ticket for this room and marks it used; a second use is refused. */
  public Grant redeem(String ticket, String slug) {
    var verified = tokens.verify(ticket, Tokens.TICKET);
    if (!slug.equals(verified.claims().get("room"))) {
      throw new InvalidToken("ticket is for another room");
    }
    if (!ledger.firstUse(verified.jti(), verified.expiresAt())) {
      throw new InvalidToken("ticket already used");
    }
    return new Grant(
        slug,
        verified.subject(),
        String.valueOf(verified.claims().get("name")),
        RoomRole.valueOf(String.valueOf(verified.claims().get("role"))),
        Boolean.TRUE.equals(verified.claims().get("manage")));
  }
}
