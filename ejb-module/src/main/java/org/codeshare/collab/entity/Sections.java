package org.codeshare.collab.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds the section list of a change desc or set. Sections are pairs: the length in the old
 * document, then -1 for kept text or the length of the replacement. Joining rules are CodeMirror's
 * {@code addSection}/{@code addInsert}, so results split and merge sections exactly as it does.
 */
final class Sections {

  private int[] pairs = new int[8];
  private int size;
  private final List<Text> inserted;

  private Sections(boolean withText) {
    this.inserted = withText ? new ArrayList<>() : null;
  }

  static Sections forDesc() {
    return new Sections(false);
  }

  static Sections forSet() {
    return new Sections(true);
  }

  boolean withText() {
    return inserted != null;
  }

  int size() {
    return size;
  }

  void add(int len, int ins) {
    add(len, ins, false);
  }

  void add(int len, int ins, boolean forceJoin) {
    if (len == 0 && ins <= 0) {
      return;
    }
    int last = size - 2;
    if (last >= 0 && ins <= 0 && ins == pairs[last + 1]) {
      pairs[last] += len;
    } else if (last >= 0 && len == 0 && pairs[last] == 0) {
      pairs[last + 1] += ins;
    } else if (forceJoin) {
      pairs[last] += len;
      pairs[last + 1] += ins;
    } else {
      if (size == pairs.length) {
        pairs = Arrays.copyOf(pairs, size * 2);
      }
      pairs[size++] = len;
      pairs[size++] = ins;
    }
  }

  /** Attaches inserted text to the last section, after any text already attached to it. */
  void addInsert(Text value) {
    if (value.length() == 0) {
      return;
    }
    int index = (size - 2) >> 1;
    if (index < inserted.size()) {
      int last = inserted.size() - 1;
      inserted.set(last, inserted.get(last).append(value));
    } else {
      while (inserted.size() < index) {
        inserted.add(Text.EMPTY);
      }
      inserted.add(value);
    }
  }

  ChangeDesc build() {
    int[] result = Arrays.copyOf(pairs, size);
    return inserted == null ? new ChangeDesc(result) : new ChangeSet(result, inserted);
  }
}
