package org.codeshare.rooms.entity;

/** What a person may do in one room; later constants include the earlier ones' rights. */
public enum RoomRole {
  VIEWER,
  EDITOR,
  OWNER;

  public boolean atLeast(RoomRole other) {
    return compareTo(other) >= 0;
  }
}
