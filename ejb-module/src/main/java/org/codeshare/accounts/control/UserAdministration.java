package org.codeshare.accounts.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.User;
import org.codeshare.accounts.entity.UserNotFound;
import org.codeshare.paging.entity.Page;

/** What administrators do with accounts. */
@Stateless
public class UserAdministration {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  Clock clock = Clock.systemUTC();

  public Page<User> search(Caller caller, Optional<String> query, int page, int size) {
    caller.requireAdmin();
    var pattern = "%" + query.map(q -> q.strip().toLowerCase()).orElse("") + "%";
    var where = " from User u where lower(u.email) like :q or lower(u.displayName) like :q";
    var items =
        em.createQuery("select u" + where + " order by u.createdAt desc, u.id", User.class)
            .setParameter("q", pattern)
            .setFirstResult(Page.offset(page, size))
            .setMaxResults(size)
            .getResultList();
    var total =
        em.createQuery("select count(u)" + where, Long.class)
            .setParameter("q", pattern)
            .getSingleResult();
    return new Page<>(items, page, size, total);
  }

  /** Disabling also ends every session of the account, on every node. */
  public User setDisabled(Caller caller, UUID userId, boolean disabled) {
    caller.requireAdmin();
    var user = Optional.ofNullable(em.find(User.class, userId)).orElseThrow(UserNotFound::new);
    if (disabled) {
      user.disable(clock.instant());
    } else {
      user.enable();
    }
    return user;
  }
}
