package org.codeshare.collab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.rooms.entity.RoomSettingsChanged;

/**
 * Tells the open editors of a room that its settings changed (a {@code room} message), once the
 * change is committed: a new language switches everyone's highlighting, a lock makes the editors of
 * non-owners read-only.
 */
@ApplicationScoped
public class RoomSettingsRelay {

  @Inject RoomSequencer rooms;

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomSettingsChanged change) {
    rooms.announce(
        change.roomId(),
        ServerMessages.room(
            change.title(), change.language(), change.linkAccess(), change.locked()));
  }
}
