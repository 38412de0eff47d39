package org.codeshare.collab.control;

import jakarta.ejb.ApplicationException;

/**
 * The updates asked for were compacted away behind a snapshot. Passes through {@link UpdateLog}'s
 * boundary as it is (an application exception).
 */
@ApplicationException(rollback = true)
final class HistoryCompacted extends RuntimeException {

  HistoryCompacted() {
    super(null, null, false, false);
  }
}
