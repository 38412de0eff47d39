package org.codeshare.rooms.entity;

/** What someone who only has a room's link may do there. */
public enum LinkAccess {
  EDIT,
  VIEW,
  PRIVATE
}
