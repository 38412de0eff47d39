package org.codeshare.rooms.entity;

import java.util.UUID;

/** Fired inside the creating transaction; observers act on commit. */
public record RoomCreated(UUID roomId, String slug, String language) {}
