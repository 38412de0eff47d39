package org.codeshare.rooms.boundary;

import java.time.Instant;

/** A WebSocket ticket: connect to {@code /ws/editor/{slug}?ticket=...} before it expires. */
public record TicketView(String ticket, Instant expiresAt, String role) {}
