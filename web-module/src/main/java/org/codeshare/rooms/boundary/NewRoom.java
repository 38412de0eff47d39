package org.codeshare.rooms.boundary;

import jakarta.validation.constraints.Size;
import org.codeshare.platform.boundary.DisplayText;
import org.codeshare.rooms.entity.Language;
import org.codeshare.rooms.entity.Room;

/** The body of {@code POST /api/rooms}; both fields are optional. */
public record NewRoom(
    @Size(max = Room.MAX_TITLE_LENGTH, message = "must be at most 200 characters") @DisplayText
        String title,
    @SupportedLanguage String language) {

  static final String DEFAULT_TITLE = "Untitled";

  String titleOrDefault() {
    return title == null ? DEFAULT_TITLE : title.strip();
  }

  Language languageOrDefault() {
    return language == null ? Language.PLAINTEXT : Language.byId(language).orElseThrow();
  }
}
