package org.codeshare.collab.entity;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The shape of a change without its inserted text: enough to map positions and other changes, not
 * to apply it. CodeMirror's {@code ChangeDesc}; immutable.
 */
public sealed class ChangeDesc permits ChangeSet {

  final int[] sections;
  private final int length;
  private final int newLength;
  // Where the one changed section starts in the old document, when the sections are exactly
  // [kept?] [replaced] [kept?], else -1: such changes map over each other in constant time.
  final int singleFrom;

  ChangeDesc(int[] sections) {
    this.sections = sections;
    int before = 0;
    int after = 0;
    for (int i = 0; i < sections.length; i += 2) {
      int ins = sections[i + 1];
      before += sections[i];
      after += ins < 0 ? sections[i] : ins;
    }
    this.length = before;
    this.newLength = after;
    this.singleFrom = singleFrom(sections);
  }

  ChangeDesc(int[] sections, int length, int newLength, int singleFrom) {
    this.sections = sections;
    this.length = length;
    this.newLength = newLength;
    this.singleFrom = singleFrom;
  }

  /**
   * This single replacement with the text kept before it {@code before} and the text kept after it
   * {@code after} longer (which text it keeps must be there). A set when {@code mkSet}.
   */
  ChangeDesc stretched(int before, int after, boolean mkSet) {
    int[] stretched = sections.clone();
    stretched[0] += before;
    stretched[stretched.length - 2] += after;
    int grown = before + after;
    int from = singleFrom + before;
    return mkSet
        ? new ChangeSet(stretched, inserted(), length + grown, newLength + grown, from)
        : new ChangeDesc(stretched, length + grown, newLength + grown, from);
  }

  /** The length the one replacement removes ({@link #singleFrom} not -1). */
  final int singleDeleted() {
    return sections[singleFrom == 0 ? 0 : 2];
  }

  /** How much longer the document is after the change. */
  final int grown() {
    return newLength - length;
  }

  private static int singleFrom(int[] sections) {
    int n = sections.length;
    int change = n >= 2 && sections[1] >= 0 ? 0 : n >= 4 && sections[3] >= 0 ? 2 : -1;
    if (change < 0 || sections[change] + sections[change + 1] == 0) {
      return -1;
    }
    boolean kept = change == 0 || sections[0] > 0;
    int rest = n - change - 2;
    if (!kept || rest > 2 || rest == 2 && (sections[n - 1] >= 0 || sections[n - 2] == 0)) {
      return -1;
    }
    return change == 0 ? 0 : sections[0];
  }

  List<Text> inserted() {
    return List.of();
  }

  /** The length of the document before the change. */
  public int length() {
    return length;
  }

  /** The length of the document after the change. */
  public int newLength() {
    return newLength;
  }

  /** False when there are actual changes. */
  public boolean empty() {
    return sections.length == 0 || sections.length == 2 && sections[1] < 0;
  }

  public ChangeDesc invertedDesc() {
    int[] inverted = new int[sections.length];
    for (int i = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      inverted[i] = ins < 0 ? len : ins;
      inverted[i + 1] = ins < 0 ? ins : len;
    }
    return new ChangeDesc(inverted);
  }

  /** The effect of this change followed by {@code other}, which starts where this one ends. */
  public ChangeDesc composeDesc(ChangeDesc other) {
    requireFollowedBy(other);
    return empty() ? other : other.empty() ? this : ChangeAlgebra.composeSets(this, other, false);
  }

  /**
   * This change moved over {@code other} (both start in the same document), so that it applies
   * after it. With {@code before}, this change is taken to have happened first.
   */
  public ChangeDesc mapDesc(ChangeDesc other, boolean before) {
    requireSameStart(other);
    return other.empty() ? this : ChangeAlgebra.mapSet(this, other, before, false);
  }

  /** {@link #mapPos(int, int)} with the position sticking to the text before it. */
  public int mapPos(int pos) {
    return mapPos(pos, -1);
  }

  /**
   * Where {@code pos} ends up after this change; {@code assoc} < 0 keeps it before text inserted at
   * it, otherwise after.
   */
  public int mapPos(int pos, int assoc) {
    return mapPos(pos, assoc, MapMode.SIMPLE).orElseThrow();
  }

  /** As {@link #mapPos(int, int)}, empty when {@code mode} says the position was deleted. */
  public OptionalInt mapPos(int pos, int assoc, MapMode mode) {
    if (pos < 0) {
      throw new IndexOutOfBoundsException("Position " + pos + " is negative");
    }
    int posA = 0;
    int posB = 0;
    for (int i = 0; i < sections.length; ) {
      int len = sections[i++];
      int ins = sections[i++];
      int endA = posA + len;
      if (ins < 0) {
        if (endA > pos) {
          return OptionalInt.of(posB + (pos - posA));
        }
        posB += len;
      } else {
        if (mode != MapMode.SIMPLE
            && endA >= pos
            && (mode == MapMode.TRACK_DEL && posA < pos && endA > pos
                || mode == MapMode.TRACK_BEFORE && posA < pos
                || mode == MapMode.TRACK_AFTER && endA > pos)) {
          return OptionalInt.empty();
        }
        if (endA > pos || endA == pos && assoc < 0 && len == 0) {
          return OptionalInt.of(pos == posA || assoc < 0 ? posB : posB + ins);
        }
        posB += ins;
      }
      posA = endA;
    }
    if (pos > posA) {
      throw new IndexOutOfBoundsException(
          "Position " + pos + " is out of range for a change of length " + posA);
    }
    return OptionalInt.of(posB);
  }

  void requireSameStart(ChangeDesc other) {
    if (length() != other.length()) {
      throw new InvalidChanges(
          "Mismatched change set lengths: " + length() + " and " + other.length());
    }
  }

  void requireFollowedBy(ChangeDesc other) {
    if (newLength() != other.length()) {
      throw new InvalidChanges(
          "Cannot compose a change to length "
              + newLength()
              + " with a change of length "
              + other.length());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o != null
        && o.getClass() == getClass()
        && Arrays.equals(sections, ((ChangeDesc) o).sections);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(sections);
  }

  /** CodeMirror's debug form: {@code len} for kept text, {@code len:ins} for a change. */
  @Override
  public String toString() {
    StringBuilder result = new StringBuilder();
    for (int i = 0; i < sections.length; i += 2) {
      if (i > 0) {
        result.append(' ');
      }
      result.append(sections[i]);
      if (sections[i + 1] >= 0) {
        result.append(':').append(sections[i + 1]);
      }
    }
    return result.toString();
  }
}
