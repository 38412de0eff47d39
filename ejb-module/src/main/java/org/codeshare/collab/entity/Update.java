package org.codeshare.collab.entity;

import static java.util.Objects.requireNonNull;

/** One client's change to the shared document, as {@code @codemirror/collab} sends it. */
public record Update(String clientId, ChangeSet changes) {

  public Update {
    requireNonNull(clientId, "clientId");
    requireNonNull(changes, "changes");
  }
}
