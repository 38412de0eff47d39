package org.codeshare.snapshots.entity;

import org.codeshare.problems.entity.ProblemException;

public class SnapshotNotFound extends ProblemException {

  public SnapshotNotFound(long version) {
    super(
        404, "snapshot-not-found", "No such snapshot", "The room has no snapshot " + version + ".");
  }
}
