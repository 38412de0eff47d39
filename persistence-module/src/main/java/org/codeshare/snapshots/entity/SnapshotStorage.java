package org.codeshare.snapshots.entity;

/** Where a snapshot's text is stored. */
public enum SnapshotStorage {
  S3,
  FILE
}
