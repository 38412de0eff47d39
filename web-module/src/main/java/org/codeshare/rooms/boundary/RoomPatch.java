package org.codeshare.rooms.boundary;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.codeshare.platform.boundary.DisplayText;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.LinkAccess;
import org.codeshare.rooms.entity.Room;
import org.codeshare.rooms.entity.RoomChanges;

/** The body of {@code PATCH /api/rooms/{slug}}: only the fields present change. */
public record RoomPatch(
    @Size(max = Room.MAX_TITLE_LENGTH, message = "must be at most 200 characters") @DisplayText
        String title,
    @SupportedLanguage String language,
    @Pattern(regexp = "EDIT|VIEW|PRIVATE", message = "must be EDIT, VIEW or PRIVATE")
        String linkAccess,
    Boolean locked) {

  RoomChanges changes() {
    return new RoomChanges(
        Optional.ofNullable(title).map(String::strip),
        Optional.ofNullable(language).flatMap(Language::byId),
        Optional.ofNullable(linkAccess).map(LinkAccess::valueOf),
        Optional.ofNullable(locked));
  }
}
