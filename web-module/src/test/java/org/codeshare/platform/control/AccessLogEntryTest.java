package org.codeshare.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

  @Test
  void anApiCallIsLoggedWithItsRoomUserAndRequestId() {
    var entry =
        new AccessLogEntry(
            "POST",
            "/api/rooms/hLBdb7geDa/ticket",
            200,
            TimeUnit.MILLISECONDS.toNanos(12),
            "r-1",
            "u-1");
    assertThat(entry.routine()).isFalse();
    assertThat(entry.message()).isEqualTo("POST /api/rooms/hLBdb7geDa/ticket 200");
    assertThat(entry.fields())
        .containsEntry("event", "http")
        .containsEntry("method", "POST")
        .containsEntry("status", 200)
        .containsEntry("durationMs", 12L)
        .containsEntry("requestId", "r-1")
        .containsEntry("userId", "u-1")
        .containsEntry("room", "hLBdb7geDa");
  }

  @Test
  void anEditorHandshakeNamesItsRoomAndAnonymousCallsNoUser() {
    var entry = new AccessLogEntry("GET", "/ws/editor/hLBdb7geDa", 101, 1, "r-2", null);
    assertThat(entry.routine()).isFalse();
    assertThat(entry.fields()).containsEntry("room", "hLBdb7geDa").doesNotContainKey("userId");
  }

  @Test
  void probesAndStaticFilesAreRoutine() {
    assertThat(new AccessLogEntry("GET", "/health/ready", 200, 1, "r", null).routine()).isTrue();
    assertThat(new AccessLogEntry("GET", "/metrics", 200, 1, "r", null).routine()).isTrue();
    assertThat(new AccessLogEntry("GET", "/index.html", 200, 1, "r", null).routine()).isTrue();
    assertThat(new AccessLogEntry("GET", "/api/rooms", 200, 1, "r", null).fields())
        .doesNotContainKey("room");
  }
}
