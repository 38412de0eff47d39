package org.codeshare.snapshots.boundary;

import jakarta.validation.constraints.Size;
import org.codeshare.platform.boundary.DisplayText;
import org.codeshare.snapshots.entity.Snapshot;

/** A named version to save now; the label is optional. */
public record NewVersion(
    @Size(max = Snapshot.MAX_LABEL_LENGTH, message = "must be at most 200 characters") @DisplayText
        String label) {

  public String labelOrNull() {
    return label == null || label.isBlank() ? null : label.strip();
  }
}
