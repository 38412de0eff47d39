package org.codeshare.rooms.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoomTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void newRoomIsEditableByLinkUnlockedAtVersionZero() {
    var room = new Room("abcdefghjk", "Interview", Language.JAVA, NOW);

    assertThat(room.linkAccess()).isEqualTo(LinkAccess.EDIT);
    assertThat(room.locked()).isFalse();
    assertThat(room.version()).isZero();
    assertThat(room.language()).isEqualTo(Language.JAVA);
    assertThat(room.createdAt()).isEqualTo(NOW).isEqualTo(room.updatedAt());
    assertThat(room.id()).isNotNull();
  }

  @Test
  void rejectsBlankOrOverlongTitles() {
    assertThatThrownBy(() -> new Room("abcdefghjk", " ", Language.JAVA, NOW))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Room("abcdefghjk", "x".repeat(201), Language.JAVA, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void languagesAreFoundByTheirApiId() {
    assertThat(Language.byId("cpp")).contains(Language.CPP);
    assertThat(Language.byId("csharp")).map(Language::extension).contains("cs");
    assertThat(Language.byId("cobol")).isEmpty();
  }
}
