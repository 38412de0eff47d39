package org.codeshare.rooms.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.codeshare.accounts.entity.Role;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomRole;

/**
 * The rights in a room as they are now, for many people at once: what open editor sockets are held
 * to after the room's settings or members changed.
 */
@Stateless
public class RoomRights {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  /** A room's settings, and the memberships and administrators among the people asked about. */
  public record Current(
      boolean locked, LinkAccess linkAccess, Map<UUID, RoomRole> members, Set<UUID> admins) {

    /**
     * The role of a person ({@code userId} null for guests), who holds the manage token or not;
     * empty when they may no longer see the room.
     */
    public Optional<RoomRole> roleOf(UUID userId, boolean manager) {
      var member = userId == null ? null : members.get(userId);
      var admin = userId != null && admins.contains(userId);
      return RoomAccess.roleOf(admin, manager, Optional.ofNullable(member), linkAccess);
    }

    public boolean canEdit(RoomRole role) {
      return RoomAccess.canEdit(locked, role);
    }
  }

  /** Empty when the room does not exist any more. */
  public Optional<Current> of(UUID roomId, Collection<UUID> userIds) {
    var room = em.find(Room.class, roomId);
    if (room == null || room.deleted()) {
      return Optional.empty();
    }
    var members = new HashMap<UUID, RoomRole>();
    var admins = new HashSet<UUID>();
    if (!userIds.isEmpty()) {
      em.createQuery(
              "select m.key.userId, m.role from RoomMember m"
                  + " where m.key.roomId = :room and m.key.userId in :users",
              Object[].class)
          .setParameter("room", roomId)
          .setParameter("users", userIds)
          .getResultList()
          .forEach(row -> members.put((UUID) row[0], (RoomRole) row[1]));
      admins.addAll(
          em.createQuery(
                  "select u.id from User u where u.id in :users and u.role = :admin", UUID.class)
              .setParameter("users", userIds)
              .setParameter("admin", Role.ADMIN)
              .getResultList());
    }
    return Optional.of(new Current(room.locked(), room.linkAccess(), members, admins));
  }
}
