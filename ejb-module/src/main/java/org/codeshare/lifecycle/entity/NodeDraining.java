package org.codeshare.lifecycle.entity;

import java.time.Instant;

/**
 * Fired synchronously while this node drains on shutdown, after its editor sockets are closed and
 * the commits in flight have finished, before the application stops. Observers flush what only this
 * node holds (snapshots, the event outbox) and return by {@code deadline}; the node exits when
 * every observer has returned.
 */
public record NodeDraining(Instant deadline) {}
