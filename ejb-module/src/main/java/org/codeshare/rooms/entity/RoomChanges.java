package org.codeshare.rooms.entity;

import java.util.Optional;

/** A partial update of a room's settings; empty means unchanged. */
public record RoomChanges(
    Optional<String> title,
    Optional<Language> language,
    Optional<LinkAccess> linkAccess,
    Optional<Boolean> locked) {

  public boolean any() {
    return title.isPresent() || language.isPresent() || changesSharing();
  }

  public boolean changesSharing() {
    return linkAccess.isPresent() || locked.isPresent();
  }
}
