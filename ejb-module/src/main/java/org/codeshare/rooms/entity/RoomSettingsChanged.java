package org.codeshare.rooms.entity;

import java.util.UUID;

/**
 * A room's title, language, link access or lock changed: its settings as they are now. Fired inside
 * the changing transaction; observers act on commit.
 */
public record RoomSettingsChanged(
    UUID roomId, String title, String language, String linkAccess, boolean locked) {}
