package org.codeshare.collab.control;

/** The updates a client asked for were compacted away behind a snapshot. */
final class HistoryCompacted extends RuntimeException {

  HistoryCompacted() {
    super(null, null, false, false);
  }
}
