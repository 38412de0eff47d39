package org.codeshare.collab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.snapshots.control.SnapshotCatalog;
import org.codeshare.snapshots.control.Snapshots;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads a room that is not in memory: the newest snapshot whose object is there and matches its
 * checksum, plus the updates after it. A bad snapshot is reported and the one before it tried; a
 * room never compacted can always be replayed from its first update.
 */
@ApplicationScoped
public class ColdLoad {

  private static final Logger LOG = Logger.getLogger(ColdLoad.class.getName());

  @Inject UpdateLog log;
  @Inject SnapshotCatalog catalog;
  @Inject Snapshots snapshots;

  @Inject
  @ConfigProperty(name = "codeshare.snapshot.load-fallbacks", defaultValue = "5")
  int fallbacks;

  public UpdateLog.Loaded load(UUID roomId, int keep) {
    long floor = catalog.historyFloor(roomId);
    for (var snapshot : catalog.newest(roomId, Math.max(1, fallbacks))) {
      if (snapshot.version() < floor) {
        break;
      }
      Optional<String> text;
      try {
        text = snapshots.read(snapshot);
      } catch (RuntimeException e) {
        LOG.log(
            Level.WARNING,
            "snapshot store unavailable loading room " + roomId + ": " + e.getMessage());
        text = Optional.empty();
      }
      if (text.isPresent()) {
        return log.replay(roomId, snapshot.version(), text.get(), keep);
      }
    }
    if (floor > 0) {
      throw new IllegalStateException(
          "room "
              + roomId
              + " has no readable snapshot at or after version "
              + floor
              + ", where its update history starts");
    }
    return log.replay(roomId, 0, "", keep);
  }
}
