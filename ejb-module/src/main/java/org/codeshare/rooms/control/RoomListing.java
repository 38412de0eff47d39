package org.codeshare.rooms.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.paging.entity.Page;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomRole;

/** Listings of rooms: a person's own, and the administrators' search. */
@Stateless
public class RoomListing {

  /** Sort keys the API accepts, mapped to JPQL; the room id breaks ties for stable paging. */
  public static final Map<String, String> SORTS =
      Map.of("updatedAt", "r.updatedAt", "createdAt", "r.createdAt", "title", "lower(r.title)");

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  public Page<Rooms.Visible> mine(
      Caller caller, int page, int size, String sort, boolean descending) {
    caller.requireSignedIn();
    var from =
        " from Room r, RoomMember m where m.key.roomId = r.id and m.key.userId = :user"
            + " and r.deletedAt is null";
    var order = " order by " + SORTS.get(sort) + (descending ? " desc" : " asc") + ", r.id";
    var rows =
        em.createQuery("select r, m.role" + from + order, Object[].class)
            .setParameter("user", caller.userId())
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    var total =
        em.createQuery("select count(r)" + from, Long.class)
            .setParameter("user", caller.userId())
            .getSingleResult();
    var items =
        rows.stream().map(row -> new Rooms.Visible((Room) row[0], (RoomRole) row[1])).toList();
    return new Page<>(items, page, size, total);
  }

  public Page<Room> search(Caller caller, Optional<String> query, int page, int size) {
    caller.requireAdmin();
    var pattern = "%" + query.map(q -> q.strip().toLowerCase()).orElse("") + "%";
    var from =
        " from Room r where r.deletedAt is null"
            + " and (lower(r.title) like :q or lower(r.slug) like :q)";
    var items =
        em.createQuery("select r" + from + " order by r.createdAt desc, r.id", Room.class)
            .setParameter("q", pattern)
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    var total =
        em.createQuery("select count(r)" + from, Long.class)
            .setParameter("q", pattern)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }
}
