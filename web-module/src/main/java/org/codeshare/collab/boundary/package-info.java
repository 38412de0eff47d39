/**
 * The editor socket {@code /ws/editor/{slug}}: handshake checks (origin, ticket or session), one
 * connection's limits and outgoing queue, and the hand-over of messages to the room sequencer.
 */
package org.codeshare.collab.boundary;
