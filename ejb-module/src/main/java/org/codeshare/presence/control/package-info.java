/** Presence: colours now; per-room presence in Redis with heartbeats is still to come. */
package org.codeshare.presence.control;
