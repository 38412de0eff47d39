package org.codeshare.collab.entity;

/** A change set that is malformed, or that does not fit the document or change set it meets. */
public class InvalidChanges extends IllegalArgumentException {

  public InvalidChanges(String message) {
    super(message);
  }
}
