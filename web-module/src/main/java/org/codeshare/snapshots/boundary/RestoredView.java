package org.codeshare.snapshots.boundary;

/** The version the restore made: the restored text is the document from there on. */
public record RestoredView(long version, long restoredFrom) {}
