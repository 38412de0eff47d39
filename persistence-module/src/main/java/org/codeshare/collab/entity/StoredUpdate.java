package org.codeshare.collab.entity;

/**
 * What reading a room's history needs of a {@link RoomUpdate} row ({@link RoomUpdate#SINCE}):
 * neither the room's nor the author's id, and no managed entity to track.
 */
public record StoredUpdate(long version, String clientId, String changes) {}
