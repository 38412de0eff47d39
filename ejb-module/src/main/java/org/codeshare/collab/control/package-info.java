/**
 * Live editing: the per-room sequencer that rebases, commits and fans out pushes, the update log in
 * {@code room_updates}, and the limits of the editor protocol.
 */
package org.codeshare.collab.control;
