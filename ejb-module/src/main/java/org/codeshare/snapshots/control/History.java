package org.codeshare.snapshots.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.collab.control.RoomTexts;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.paging.entity.Page;
import org.codeshare.problems.entity.ProblemException;
import org.codeshare.rooms.control.Rooms;
import org.codeshare.rooms.entity.RoomForbidden;
import org.codeshare.snapshots.entity.HistoryUnavailable;
import org.codeshare.snapshots.entity.Snapshot;
import org.codeshare.snapshots.entity.SnapshotNotFound;
import org.codeshare.snapshots.entity.SnapshotReason;

/**
 * A room's history as people use it: everyone who may see the room lists, downloads and exports;
 * those who may edit it save named versions and restore old ones.
 */
@ApplicationScoped
public class History {

  private static final Logger LOG = Logger.getLogger(History.class.getName());

  @Inject Rooms rooms;
  @Inject SnapshotCatalog catalog;
  @Inject Snapshots snapshots;
  @Inject RoomTexts texts;

  /** A version's text with what a download needs to name it. */
  public record Content(Rooms.Visible room, long version, String text) {}

  public Page<Snapshot> list(
      String slug, Caller caller, Optional<String> token, int page, int size) {
    var room = rooms.view(slug, caller, token).room();
    return catalog.list(room.id(), page, size);
  }

  public Content content(String slug, long version, Caller caller, Optional<String> token) {
    var visible = rooms.view(slug, caller, token);
    var snapshot = snapshot(visible, version);
    return new Content(visible, version, text(snapshot));
  }

  public Content export(String slug, Caller caller, Optional<String> token) {
    var visible = rooms.view(slug, caller, token);
    var state = current(visible);
    return new Content(visible, state.version(), state.text());
  }

  public Snapshot save(String slug, String label, Caller caller, Optional<String> token) {
    var visible = editable(slug, caller, token);
    try {
      return snapshots
          .write(
              visible.room().id(), current(visible), SnapshotReason.MANUAL, label, caller.userId())
          .snapshot();
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot save a version of room " + slug, e);
      throw new HistoryUnavailable("The version could not be stored; try again shortly.");
    }
  }

  /** Restores a version as a new update; returns the version that update made. */
  public long restore(String slug, long version, Caller caller, Optional<String> token) {
    var visible = editable(slug, caller, token);
    var roomId = visible.room().id();
    var text = text(snapshot(visible, version));
    keepBeforeRestore(visible, version, caller);
    long restored;
    try {
      restored =
          texts.replace(roomId, text, caller.userId(), visible.role()).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HistoryUnavailable("Interrupted.");
    } catch (TimeoutException e) {
      throw new HistoryUnavailable("The room is busy; try again shortly.");
    } catch (ExecutionException e) {
      throw translate(e.getCause());
    }
    try {
      snapshots.write(
          roomId,
          new Snapshots.State(restored, text),
          SnapshotReason.RESTORE,
          "Restored version " + version,
          caller.userId());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "restored room " + slug + " but could not snapshot it yet", e);
    }
    return restored;
  }

  /** The text being replaced is kept as a snapshot first, so a restore can itself be undone. */
  private void keepBeforeRestore(Rooms.Visible visible, long version, Caller caller) {
    try {
      snapshots.write(
          visible.room().id(),
          current(visible),
          SnapshotReason.RESTORE,
          "Before restoring version " + version,
          caller.userId());
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot keep room " + visible.room().slug() + " before a restore", e);
      throw new HistoryUnavailable("The current text could not be kept; nothing was restored.");
    }
  }

  private Rooms.Visible editable(String slug, Caller caller, Optional<String> token) {
    var visible = rooms.view(slug, caller, token);
    if (!visible.canEdit()) {
      throw new RoomForbidden(
          visible.room().locked() ? "The room is locked." : "Viewers cannot change the room.");
    }
    return visible;
  }

  private Snapshot snapshot(Rooms.Visible visible, long version) {
    return catalog
        .find(visible.room().id(), version)
        .orElseThrow(() -> new SnapshotNotFound(version));
  }

  private String text(Snapshot snapshot) {
    try {
      return snapshots
          .read(snapshot)
          .orElseThrow(
              () -> new HistoryUnavailable("Snapshot " + snapshot.version() + " is unreadable."));
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "snapshot store unavailable", e);
      throw new HistoryUnavailable("The snapshot store is unavailable; try again shortly.");
    }
  }

  private Snapshots.State current(Rooms.Visible visible) {
    try {
      return texts.current(visible.room().id());
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot read room " + visible.room().slug(), e);
      throw new HistoryUnavailable("The room cannot be read now; try again shortly.");
    }
  }

  private static RuntimeException translate(Throwable cause) {
    if (cause instanceof ProblemException problem) {
      return problem;
    }
    if (cause instanceof ProtocolError error && ProtocolError.LOCKED.equals(error.code())) {
      return new RoomForbidden("The room is locked.");
    }
    LOG.log(Level.WARNING, "restore failed", cause);
    return new HistoryUnavailable("The restore could not be committed; try again shortly.");
  }
}
