package org.codeshare.snapshots.entity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SnapshotTest {

  private static Snapshot taken(SnapshotReason reason, String label) {
    return new Snapshot(
        UUID.randomUUID(), 3, "ab", 2, SnapshotStorage.S3, "k", reason, label, null, Instant.now());
  }

  @Test
  void aPersonsSaveOrRestoreReplacesTheTimersEntry() {
    var snapshot = taken(SnapshotReason.TIMER, null);
    snapshot.keptAgain(SnapshotReason.RESTORE, "Before restoring version 1", null);
    assertThat(snapshot.reason()).isEqualTo(SnapshotReason.RESTORE);
    assertThat(snapshot.label()).isEqualTo("Before restoring version 1");
  }

  @Test
  void aManualSaveRenamesAnyEntryButARestoreKeepsAManualName() {
    var snapshot = taken(SnapshotReason.MANUAL, "Release");
    snapshot.keptAgain(SnapshotReason.RESTORE, "Before restoring version 1", null);
    assertThat(snapshot.label()).isEqualTo("Release");
    snapshot.keptAgain(SnapshotReason.MANUAL, "Release 2", null);
    assertThat(snapshot.label()).isEqualTo("Release 2");
    assertThat(snapshot.reason()).isEqualTo(SnapshotReason.MANUAL);
  }
}
