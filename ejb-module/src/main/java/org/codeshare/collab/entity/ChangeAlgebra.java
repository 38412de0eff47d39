package org.codeshare.collab.entity;

/**
 * CodeMirror's {@code mapSet} and {@code composeSets}, statement for statement, so that mapped and
 * composed sets have the very sections (and thus the JSON) the browsers compute.
 */
final class ChangeAlgebra {

  private ChangeAlgebra() {}

  /** A copy of {@code setA} that applies after {@code setB}; both start in the same document. */
  static ChangeDesc mapSet(ChangeDesc setA, ChangeDesc setB, boolean before, boolean mkSet) {
    var apart = mapApart(setA, setB, mkSet);
    return apart != null ? apart : mapSections(setA, setB, before, mkSet);
  }

  /** {@link #mapSet} section by section, for any pair. */
  static ChangeDesc mapSections(ChangeDesc setA, ChangeDesc setB, boolean before, boolean mkSet) {
    Sections sections = mkSet ? Sections.forSet() : Sections.forDesc();
    SectionIter a = new SectionIter(setA);
    SectionIter b = new SectionIter(setB);
    // inserted: index of the section of A whose text has already been inserted, for changes in A
    // that are processed piece by piece.
    for (int inserted = -1; ; ) {
      if (a.done() && b.len > 0 || b.done() && a.len > 0) {
        throw mismatch();
      } else if (a.ins == -1 && b.ins == -1) {
        int len = Math.min(a.len, b.len);
        sections.add(len, -1);
        a.forward(len);
        b.forward(len);
      } else if (b.ins >= 0
          && (a.ins < 0
              || inserted == a.i
              || a.off == 0 && (b.len < a.len || b.len == a.len && !before))) {
        // A change in B comes before the next change in A (by start, then length, then the
        // before flag): skip it, and insert the changes in A that it covers.
        int len = b.len;
        sections.add(b.ins, -1);
        while (len > 0) {
          int piece = Math.min(a.len, len);
          if (a.ins >= 0 && inserted < a.i && a.len <= piece) {
            sections.add(0, a.ins);
            if (mkSet) {
              sections.addInsert(a.text());
            }
            inserted = a.i;
          }
          a.forward(piece);
          len -= piece;
        }
        b.next();
      } else if (a.ins >= 0) {
        // The part of a change in A up to the next non-deletion change in B, if they overlap.
        int len = 0;
        int left = a.len;
        while (left > 0) {
          if (b.ins == -1) {
            int piece = Math.min(left, b.len);
            len += piece;
            left -= piece;
            b.forward(piece);
          } else if (b.ins == 0 && b.len < left) {
            left -= b.len;
            b.next();
          } else {
            break;
          }
        }
        sections.add(len, inserted < a.i ? a.ins : 0);
        if (mkSet && inserted < a.i) {
          sections.addInsert(a.text());
        }
        inserted = a.i;
        a.forward(a.len - left);
      } else if (a.done() && b.done()) {
        return sections.build();
      } else {
        throw mismatch();
      }
    }
  }

  /**
   * {@link #mapSet} in constant time when each set is one replacement and they are apart (kept text
   * between them): A keeps its sections, with the kept text before or after its change lengthened
   * or shortened by what B adds or removes; {@code mapSet} builds the very same sections. Null for
   * any other pair.
   */
  private static ChangeDesc mapApart(ChangeDesc setA, ChangeDesc setB, boolean mkSet) {
    int fromA = setA.singleFrom;
    int fromB = setB.singleFrom;
    if (fromA < 0 || fromB < 0) {
      return null;
    }
    int toA = fromA + setA.singleDeleted();
    int toB = fromB + setB.singleDeleted();
    if (toB < fromA) {
      return setA.stretched(setB.grown(), 0, mkSet);
    } else if (fromB > toA) {
      return setA.stretched(0, setB.grown(), mkSet);
    }
    return null;
  }

  /** The combined effect of {@code setA} followed by {@code setB}. */
  static ChangeDesc composeSets(ChangeDesc setA, ChangeDesc setB, boolean mkSet) {
    Sections sections = mkSet ? Sections.forSet() : Sections.forDesc();
    SectionIter a = new SectionIter(setA);
    SectionIter b = new SectionIter(setB);
    for (boolean open = false; ; ) {
      if (a.done() && b.done()) {
        return sections.build();
      } else if (a.ins == 0) {
        sections.add(a.len, 0, open);
        a.next();
      } else if (b.len == 0 && !b.done()) {
        sections.add(0, b.ins, open);
        if (mkSet) {
          sections.addInsert(b.text());
        }
        b.next();
      } else if (a.done() || b.done()) {
        throw mismatch();
      } else {
        int len = Math.min(a.len2(), b.len);
        int sectionLen = sections.size();
        if (a.ins == -1) {
          int insB = b.ins == -1 ? -1 : b.off > 0 ? 0 : b.ins;
          sections.add(len, insB, open);
          if (mkSet && insB != 0) {
            sections.addInsert(b.text());
          }
        } else if (b.ins == -1) {
          sections.add(a.off > 0 ? 0 : a.len, len, open);
          if (mkSet) {
            sections.addInsert(a.textBit(len));
          }
        } else {
          sections.add(a.off > 0 ? 0 : a.len, b.off > 0 ? 0 : b.ins, open);
          if (mkSet && b.off == 0) {
            sections.addInsert(b.text());
          }
        }
        open = (a.ins > len || b.ins >= 0 && b.len > len) && (open || sections.size() > sectionLen);
        a.forward2(len);
        b.forward(len);
      }
    }
  }

  private static InvalidChanges mismatch() {
    return new InvalidChanges("Mismatched change set lengths");
  }
}
