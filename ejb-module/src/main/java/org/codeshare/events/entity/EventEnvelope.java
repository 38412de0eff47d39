package org.codeshare.events.entity;

import java.time.Instant;
import java.util.UUID;

/**
 * What every event on {@code codeshare.events} looks like: a unique id (consumers deduplicate by
 * it, delivery being at least once), the type, when it happened, the room, who did it (null for the
 * system or a guest) and the type's data. The schema is in {@code docs/events.md}.
 */
public record EventEnvelope(
    UUID id, String type, Instant time, UUID room, UUID actor, Object data) {}
