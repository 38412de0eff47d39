package org.codeshare.rooms.boundary;

import java.util.Optional;

/** The {@code X-Manage-Token} header with which an anonymous creator manages their room. */
public final class ManageToken {

  public static final String HEADER = "X-Manage-Token";

  private ManageToken() {}

  public static Optional<String> of(String header) {
    return Optional.ofNullable(header).filter(value -> !value.isBlank());
  }
}
