package org.codeshare.collab.entity;

/**
 * A document that change sets are applied to in place. Two character arrays take turns: a change
 * copies the text it keeps from the one into the other, with its insertions between, and the other
 * becomes the text. So applying a change allocates nothing once the arrays are large enough, where
 * {@link ChangeSet#apply(String)} makes a new string of the whole text each time (a busy room's
 * commits made most of what the node allocated that way). The arrays are made at the first change
 * and let go by {@link #release}; the text as a string is made when it is asked for (a {@code
 * hello}, a snapshot) and kept until the next change. Not thread-safe: one room's actor owns it.
 */
public final class DocumentBuffer {

  private static final int SLACK = 1024;

  private static final char[] NONE = new char[0];

  private char[] current;
  private char[] spare = NONE;
  private int length;
  private String text;

  public DocumentBuffer(String text) {
    this.length = text.length();
    this.text = text;
  }

  public int length() {
    return length;
  }

  /** The text, made once per change. */
  public String text() {
    if (text == null) {
      text = new String(current, 0, length);
    }
    return text;
  }

  /**
   * Keeps the text as a string only, until the next change: a room that has stopped editing holds
   * its text once, not in two arrays of two bytes a character.
   */
  public void release() {
    text();
    current = null;
    spare = NONE;
  }

  /**
   * Applies {@code changes}, which must start from this document's length ({@link InvalidChanges}
   * otherwise, and the document stays as it was).
   */
  public void apply(ChangeSet changes) {
    changes.checkAppliesTo(length);
    if (changes.empty()) {
      return;
    }
    if (current == null) {
      current = text.toCharArray();
    }
    int newLength = changes.newLength();
    if (spare.length < newLength || spare.length > 4 * (long) newLength + SLACK) {
      spare = new char[(int) Math.min(Integer.MAX_VALUE - 8, newLength + (newLength >> 1) + 16L)];
    }
    int[] sections = changes.sections;
    int out = 0;
    for (int i = 0, pos = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        System.arraycopy(current, pos, spare, out, len);
        out += len;
      } else if (ins > 0) {
        out = changes.text(i >> 1).copyTo(spare, out);
      }
      pos += len;
    }
    char[] previous = current;
    current = spare;
    spare = previous;
    length = newLength;
    text = null;
  }
}
