package org.codeshare.rooms.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomMember;
import org.codeshare.rooms.entity.RoomRole;

/**
 * Decides what someone may do in a room. The strongest of these wins: administrator (owner rights),
 * membership, the room's manage token (owner rights for anonymous creators), the link (editor or
 * viewer per the room's link access; nothing for private rooms).
 */
@ApplicationScoped
public class RoomAccess {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  public Optional<RoomRole> roleOf(Room room, Caller caller, Optional<String> manageToken) {
    if (caller.admin() || managedWith(room, manageToken)) {
      return Optional.of(RoomRole.OWNER);
    }
    var member = caller.signedIn() ? membership(room, caller) : Optional.<RoomRole>empty();
    return roleOf(false, false, member, room.linkAccess());
  }

  /** True when {@code manageToken} is the room's: its holder has owner rights. */
  public static boolean managedWith(Room room, Optional<String> manageToken) {
    return manageToken.map(RoomAccess::hash).filter(room::manageTokenMatches).isPresent();
  }

  /**
   * The rule itself: administrators and holders of the manage token are owners; otherwise the
   * stronger of the membership and what the link gives.
   */
  public static Optional<RoomRole> roleOf(
      boolean admin, boolean manager, Optional<RoomRole> member, LinkAccess linkAccess) {
    if (admin || manager) {
      return Optional.of(RoomRole.OWNER);
    }
    var byLink = byLink(linkAccess);
    if (member.isPresent() && byLink.isPresent()) {
      return Optional.of(member.get().atLeast(byLink.get()) ? member.get() : byLink.get());
    }
    return member.or(() -> byLink);
  }

  /** What the role allows right now: a locked room is read-only for everyone but owners. */
  public static boolean canEdit(Room room, RoomRole role) {
    return canEdit(room.locked(), role);
  }

  public static boolean canEdit(boolean locked, RoomRole role) {
    return role == RoomRole.OWNER || (!locked && role.atLeast(RoomRole.EDITOR));
  }

  static Optional<RoomRole> byLink(LinkAccess access) {
    return switch (access) {
      case EDIT -> Optional.of(RoomRole.EDITOR);
      case VIEW -> Optional.of(RoomRole.VIEWER);
      case PRIVATE -> Optional.empty();
    };
  }

  private Optional<RoomRole> membership(Room room, Caller caller) {
    return Optional.ofNullable(
            em.find(RoomMember.class, new RoomMember.Key(room.id(), caller.userId())))
        .map(RoomMember::role);
  }

  public static String hash(String token) {
    try {
      var digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
