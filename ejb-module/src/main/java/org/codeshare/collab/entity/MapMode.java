package org.codeshare.collab.entity;

/** How {@link ChangeDesc#mapPos(int, int, MapMode)} treats a position whose context was deleted. */
public enum MapMode {
  /** Map to a valid new position even when the context was deleted. */
  SIMPLE,
  /** No position when a deletion spans the position. */
  TRACK_DEL,
  /** No position when the character before the position is deleted. */
  TRACK_BEFORE,
  /** No position when the character after the position is deleted. */
  TRACK_AFTER
}
