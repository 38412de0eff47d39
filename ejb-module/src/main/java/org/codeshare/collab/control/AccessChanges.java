package org.codeshare.collab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.codeshare.rooms.entity.RoomAccessChanged;

/**
 * Once a change to a room's lock, link access or members is committed, the open sockets of that
 * room on this node and on the others get their new rights.
 */
@ApplicationScoped
public class AccessChanges {

  @Inject RoomSequencer rooms;
  @Inject Fanout fanout;

  void committed(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoomAccessChanged change) {
    rooms.refresh(change.roomId());
    fanout.publishAccessChange(change.roomId());
  }
}
