/**
 * Presence: who is connected to which room on every node (Redis hashes with heartbeats and expiry,
 * in this JVM without Redis), the client IDs their connections claimed, and their colours.
 */
package org.codeshare.presence.control;
