/** Snapshots: a room's full text at one version, kept as an object and described in a row. */
package org.codeshare.snapshots.entity;
