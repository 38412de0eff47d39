package org.codeshare.rooms.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.Optional;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.NotSignedIn;
import org.codeshare.events.control.Outbox;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomAccessChanged;
import org.codeshare.rooms.entity.RoomChanges;
import org.codeshare.rooms.entity.RoomCreated;
import org.codeshare.rooms.entity.RoomForbidden;
import org.codeshare.rooms.entity.RoomMember;
import org.codeshare.rooms.entity.RoomNotFound;
import org.codeshare.rooms.entity.RoomRole;
import org.codeshare.rooms.entity.RoomSettingsChanged;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Stateless
public class Rooms {

  @PersistenceContext(unitName = "codeshare")
  EntityManager em;

  @Inject Event<RoomCreated> created;
  @Inject Event<RoomSettingsChanged> settingsChanged;
  @Inject Event<RoomAccessChanged> accessChanged;
  @Inject RoomAccess access;
  @Inject Outbox outbox;

  @Inject
  @ConfigProperty(name = "codeshare.rooms.slug-length", defaultValue = "10")
  int slugLength;

  @Inject
  @ConfigProperty(name = "codeshare.rooms.anonymous-create", defaultValue = "true")
  boolean anonymousCreate;

  Clock clock = Clock.systemUTC();
  private SlugGenerator slugs;

  /** A room as one caller sees it. */
  public record Visible(Room room, RoomRole role) {
    public boolean canEdit() {
      return RoomAccess.canEdit(room, role);
    }
  }

  /** A new room; anonymous creators get the secret that lets them manage it. */
  public record Created(Visible room, Optional<String> manageToken) {}

  @PostConstruct
  void init() {
    slugs = new SlugGenerator(slugLength);
  }

  public Created create(String title, Language language, Caller caller) {
    if (!caller.signedIn() && !anonymousCreate) {
      throw new NotSignedIn();
    }
    var now = clock.instant();
    var room = new Room(freeSlug(), title, language, now);
    Optional<String> manageToken = Optional.empty();
    if (caller.signedIn()) {
      room.ownedBy(caller.userId());
    } else {
      manageToken = Optional.of(SlugGenerator.secret());
      room.manageableWith(RoomAccess.hash(manageToken.get()));
    }
    em.persist(room);
    if (caller.signedIn()) {
      em.persist(new RoomMember(room.id(), caller.userId(), RoomRole.OWNER, now));
    }
    outbox.roomCreated(room, caller.userId());
    created.fire(new RoomCreated(room.id(), room.slug(), language.id()));
    return new Created(new Visible(room, RoomRole.OWNER), manageToken);
  }

  /** The room if the caller may see it; private rooms look missing to outsiders. */
  public Visible view(String slug, Caller caller, Optional<String> manageToken) {
    var room = bySlug(slug);
    var role = access.roleOf(room, caller, manageToken).orElseThrow(() -> new RoomNotFound(slug));
    return new Visible(room, role);
  }

  public Visible update(
      String slug, RoomChanges changes, Caller caller, Optional<String> manageToken) {
    var visible = view(slug, caller, manageToken);
    var room = visible.room();
    if (changes.changesSharing() && visible.role() != RoomRole.OWNER) {
      throw new RoomForbidden("Only owners change link access or lock the room.");
    }
    if (!visible.canEdit()) {
      throw new RoomForbidden(
          room.locked() ? "The room is locked." : "Viewers cannot change the room.");
    }
    var now = clock.instant();
    changes.title().ifPresent(title -> room.rename(title, now));
    changes.language().ifPresent(language -> room.changeLanguage(language, now));
    changes.linkAccess().ifPresent(linkAccess -> room.changeLinkAccess(linkAccess, now));
    changes.locked().ifPresent(locked -> room.lock(locked, now));
    if (changes.any()) {
      outbox.roomUpdated(room, caller.userId());
      settingsChanged.fire(
          new RoomSettingsChanged(
              room.id(),
              room.title(),
              room.language().id(),
              room.linkAccess().name(),
              room.locked()));
    }
    if (changes.changesSharing()) {
      accessChanged.fire(new RoomAccessChanged(room.id()));
    }
    return visible;
  }

  /** Soft delete: the room disappears now and is purged after the retention period. */
  public void delete(String slug, Caller caller, Optional<String> manageToken) {
    var visible = view(slug, caller, manageToken);
    if (visible.role() != RoomRole.OWNER) {
      throw new RoomForbidden("Only owners delete a room.");
    }
    visible.room().delete(clock.instant());
    em.flush(); // the row lock first, then the event: a snapshot being recorded orders before it
    outbox.roomDeleted(visible.room(), caller.userId());
    accessChanged.fire(new RoomAccessChanged(visible.room().id()));
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
