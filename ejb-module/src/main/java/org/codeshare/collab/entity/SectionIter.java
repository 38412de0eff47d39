package org.codeshare.collab.entity;

import java.util.List;

/** A cursor over the sections of a change set; CodeMirror's {@code SectionIter}. */
final class SectionIter {

  private static final int DONE = -2;

  private final int[] sections;
  private final List<Text> inserted;
  int i;
  int len;
  int ins;
  int off;

  SectionIter(ChangeDesc set) {
    this.sections = set.sections;
    this.inserted = set.inserted();
    next();
  }

  void next() {
    if (i < sections.length) {
      len = sections[i++];
      ins = sections[i++];
    } else {
      len = 0;
      ins = DONE;
    }
    off = 0;
  }

  boolean done() {
    return ins == DONE;
  }

  /** The length of the current section in the document after the changes. */
  int len2() {
    return ins < 0 ? len : ins;
  }

  Text text() {
    int index = (i - 2) >> 1;
    return index >= inserted.size() ? Text.EMPTY : inserted.get(index);
  }

  Text textBit(int length) {
    int index = (i - 2) >> 1;
    if (index >= inserted.size()) {
      if (length == 0) {
        return Text.EMPTY;
      }
      throw new IllegalStateException("No inserted text for section " + index);
    }
    return inserted.get(index).slice(off, off + length);
  }

  void forward(int length) {
    if (length == len) {
      next();
    } else {
      len -= length;
      off += length;
    }
  }

  void forward2(int length) {
    if (ins == -1) {
      forward(length);
    } else if (length == ins) {
      next();
    } else {
      ins -= length;
      off += length;
    }
  }
}
