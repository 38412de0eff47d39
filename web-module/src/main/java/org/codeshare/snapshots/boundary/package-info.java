/** The history API: a room's snapshots, named versions, restores, downloads and export. */
package org.codeshare.snapshots.boundary;
