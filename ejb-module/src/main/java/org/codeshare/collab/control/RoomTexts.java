package org.codeshare.collab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.codeshare.rooms.entity.RoomRole;
import org.codeshare.snapshots.control.Snapshots;

/**
 * A room's whole text for the callers outside editing: snapshots read it, restores replace it. Both
 * go through the room's actor when the room is loaded here, so they are ordered with its edits.
 */
@ApplicationScoped
public class RoomTexts {

  @Inject RoomSequencer rooms;

  /**
   * The room's current text: from memory (caught up with the database) when it is loaded here, else
   * from the newest snapshot and the updates after it.
   */
  public Snapshots.State current(UUID roomId) {
    return current(roomId, Long.MAX_VALUE);
  }

  /**
   * The room's text at {@code atLeast} or later: a room loaded here that is there already answers
   * from memory without asking the database; otherwise as {@link #current(UUID)}.
   */
  public Snapshots.State current(UUID roomId, long atLeast) {
    var live = new CompletableFuture<Optional<Snapshots.State>>();
    var room = rooms.loaded(roomId);
    if (room == null) {
      live.complete(Optional.empty());
    } else {
      room.enqueue(r -> live.complete(r.state(atLeast)), s -> live.complete(Optional.empty()));
    }
    try {
      var state = live.get(10, TimeUnit.SECONDS);
      if (state.isPresent()) {
        return state.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      // the room is busy or stopping: read it from the database
    }
    var loaded = rooms.coldLoad().load(roomId, 0);
    return new Snapshots.State(loaded.version(), loaded.doc());
  }

  /**
   * Replaces the room's whole text with {@code text} in one committed update that every connected
   * editor receives; completes with the new version, or exceptionally with a {@link
   * org.codeshare.collab.entity.ProtocolError} or {@link org.codeshare.rooms.entity.RoomNotFound}.
   */
  public CompletableFuture<Long> replace(UUID roomId, String text, UUID authorId, RoomRole role) {
    var result = new CompletableFuture<Long>();
    replace(roomId, text, authorId, role, result);
    return result;
  }

  private void replace(
      UUID roomId, String text, UUID authorId, RoomRole role, CompletableFuture<Long> result) {
    rooms
        .load(roomId)
        .enqueue(
            room -> {
              try {
                result.complete(room.replace(text, authorId, role));
              } catch (RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            s -> replace(roomId, text, authorId, role, result));
  }
}
