package org.codeshare.presence.control;

import java.util.List;

/** A person's cursor and name colour: stable for the same person, spread over a fixed palette. */
public final class Colors {

  static final List<String> PALETTE =
      List.of(
          "#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#469990",
          "#9a6324", "#800000", "#808000", "#000075");

  private Colors() {}

  public static String of(String subject) {
    return PALETTE.get(Math.floorMod(subject.hashCode(), PALETTE.size()));
  }
}
