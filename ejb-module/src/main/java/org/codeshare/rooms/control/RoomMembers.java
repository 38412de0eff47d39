package org.codeshare.rooms.control;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.User;
import org.codeshare.accounts.entity.UserNotFound;
import org.codeshare.rooms.entity.LastOwner;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomAccessChanged;
import org.codeshare.rooms.entity.RoomForbidden;
import org.codeshare.rooms.entity.RoomInvitation;
import org.codeshare.rooms.entity.RoomMember;
import org.codeshare.rooms.entity.RoomRole;

/** Who belongs to a room, and invitations by email for people without an account yet. */
@Stateless
public class RoomMembers {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Rooms rooms;
  @Inject org.codeshare.events.control.Outbox outbox;
  @Inject Event<RoomAccessChanged> accessChanged;

  Clock clock = Clock.systemUTC();

  /** A member with the account details an owner needs to manage them. */
  public record Member(User user, RoomRole role) {}

  /** Members and pending invitations of one room. */
  public record Roster(Room room, List<Member> members, List<RoomInvitation> invitations) {}

  public Roster roster(String slug, Caller caller, Optional<String> manageToken) {
    var room = owned(slug, caller, manageToken);
    var members =
        em.createQuery(
                "select u, m.role from RoomMember m, User u where m.key.userId = u.id"
                    + " and m.key.roomId = :room order by m.createdAt, u.id",
                Object[].class)
            .setParameter("room", room.id())
            .getResultStream()
            .map(row -> new Member((User) row[0], (RoomRole) row[1]))
            .toList();
    var invitations =
        em.createQuery(
                "select i from RoomInvitation i where i.key.roomId = :room order by i.createdAt",
                RoomInvitation.class)
            .setParameter("room", room.id())
            .getResultList();
    return new Roster(room, members, invitations);
  }

  /** Adds (or changes) a member by email, or records an invitation until they register. */
  public Roster invite(
      String slug, String email, RoomRole role, Caller caller, Optional<String> manageToken) {
    var room = owned(slug, caller, manageToken);
    var normalized = User.normalizeEmail(email);
    var user =
        em.createNamedQuery(User.BY_EMAIL, User.class)
            .setParameter("email", normalized)
            .getResultStream()
            .findFirst();
    var now = clock.instant();
    if (user.isPresent()) {
      setRole(room, user.get().id(), role, now, caller.userId());
      accessChanged.fire(new RoomAccessChanged(room.id()));
    } else {
      var key = new RoomInvitation.Key(room.id(), normalized);
      var invitation = em.find(RoomInvitation.class, key);
      if (invitation == null) {
        em.persist(new RoomInvitation(room.id(), normalized, role, caller.userId(), now));
      } else {
        invitation.changeRole(role);
      }
    }
    em.flush();
    return roster(slug, caller, manageToken);
  }

  public Roster changeRole(
      String slug, UUID userId, RoomRole role, Caller caller, Optional<String> manageToken) {
    var room = owned(slug, caller, manageToken);
    if (em.find(RoomMember.class, new RoomMember.Key(room.id(), userId)) == null) {
      throw new UserNotFound();
    }
    setRole(room, userId, role, clock.instant(), caller.userId());
    em.flush();
    accessChanged.fire(new RoomAccessChanged(room.id()));
    return roster(slug, caller, manageToken);
  }

  /** Owners remove anyone; members may leave on their own. */
  public void remove(String slug, UUID userId, Caller caller, Optional<String> manageToken) {
    var room =
        userId.equals(caller.userId())
            ? rooms.view(slug, caller, manageToken).room()
            : owned(slug, caller, manageToken);
    var member = em.find(RoomMember.class, new RoomMember.Key(room.id(), userId));
    if (member == null) {
      throw new UserNotFound();
    }
    if (member.role() == RoomRole.OWNER && owners(room) == 1) {
      throw new LastOwner();
    }
    em.remove(member);
    accessChanged.fire(new RoomAccessChanged(room.id()));
  }

  public void cancelInvitation(
      String slug, String email, Caller caller, Optional<String> manageToken) {
    var room = owned(slug, caller, manageToken);
    var invitation =
        em.find(
            RoomInvitation.class, new RoomInvitation.Key(room.id(), User.normalizeEmail(email)));
    if (invitation == null) {
      throw new UserNotFound();
    }
    em.remove(invitation);
  }

  /** A new account becomes a member of every room it was invited to. */
  public void redeemInvitations(User user) {
    var invitations =
        em.createQuery(
                "select i from RoomInvitation i where i.key.email = :email", RoomInvitation.class)
            .setParameter("email", user.email())
            .getResultList();
    for (var invitation : invitations) {
      em.persist(
          new RoomMember(invitation.roomId(), user.id(), invitation.role(), clock.instant()));
      outbox.memberJoined(invitation.roomId(), user.id(), invitation.role().name(), user.id());
      em.remove(invitation);
    }
  }

  private void setRole(Room room, UUID userId, RoomRole role, java.time.Instant now, UUID actor) {
    var member = em.find(RoomMember.class, new RoomMember.Key(room.id(), userId));
    if (member == null) {
      em.persist(new RoomMember(room.id(), userId, role, now));
      outbox.memberJoined(room.id(), userId, role.name(), actor);
      return;
    }
    if (member.role() == RoomRole.OWNER && role != RoomRole.OWNER && owners(room) == 1) {
      throw new LastOwner();
    }
    member.changeRole(role);
  }

  private long owners(Room room) {
    return em.createQuery(
            "select count(m) from RoomMember m where m.key.roomId = :room and m.role = :owner",
            Long.class)
        .setParameter("room", room.id())
        .setParameter("owner", RoomRole.OWNER)
        .getSingleResult();
  }

  private Room owned(String slug, Caller caller, Optional<String> manageToken) {
    var visible = rooms.view(slug, caller, manageToken);
    if (visible.role() != RoomRole.OWNER) {
      throw new RoomForbidden("Only owners manage members.");
    }
    return visible.room();
  }
}
