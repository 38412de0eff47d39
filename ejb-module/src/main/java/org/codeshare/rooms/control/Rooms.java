package org.codeshare.rooms.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomCreated;
import org.codeshare.rooms.entity.RoomNotFound;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class Rooms {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Event<RoomCreated> created;

  @Inject
  @ConfigProperty(name = "codeshare.rooms.slug-length", defaultValue = "10")
  int slugLength;

  private SlugGenerator slugs;

  @PostConstruct
  void init() {
    slugs = new SlugGenerator(slugLength);
  }

  public Room create(String title, Language language) {
    var room = new Room(freeSlug(), title, language, Instant.now(Clock.systemUTC()));
    em.persist(room);
    created.fire(new RoomCreated(room.id(), room.slug(), language.id()));
    return room;
  }

  public Room bySlug(String slug) {
    if (!SlugGenerator.isWellFormed(slug)) {
      throw new RoomNotFound(slug);
    }
    return em.createNamedQuery(Room.BY_SLUG, Room.class)
        .setParameter("slug", slug)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> new RoomNotFound(slug));
  }

  private String freeSlug() {
    // With ~58 bits per slug a collision is vanishingly rare; checking keeps it impossible.
    for (int attempt = 0; attempt < 5; attempt++) {
      var slug = slugs.next();
      var taken =
          em.createQuery("select count(r) from Room r where r.slug = :slug", Long.class)
              .setParameter("slug", slug)
              .getSingleResult();
      if (taken == 0) {
        return slug;
      }
    }
    throw new IllegalStateException("no free slug after 5 attempts");
  }
}
