/**
 * Snapshots: the timer that keeps every changed room's text in S3 or on disk, compaction of the
 * update log behind it, cold loads from the newest good snapshot, and the history people browse.
 */
package org.codeshare.snapshots.control;
