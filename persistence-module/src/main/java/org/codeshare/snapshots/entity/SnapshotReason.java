package org.codeshare.snapshots.entity;

/** Why a snapshot was written: by the timer, saved by a person, or right after a restore. */
public enum SnapshotReason {
  TIMER,
  MANUAL,
  RESTORE;

  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
