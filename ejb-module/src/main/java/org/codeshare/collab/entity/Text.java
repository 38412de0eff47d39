package org.codeshare.collab.entity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Inserted text the way CodeMirror's {@code Text} holds it: lines with an implied {@code "\n"}
 * between them. The line structure, not only the joined string, is kept because it is what the JSON
 * form writes and CodeMirror does not re-split lines that themselves contain line breaks.
 */
final class Text {

  static final Text EMPTY = new Text(List.of(""), 0);

  private final List<String> lines;
  private final int length;

  private Text(List<String> lines, int length) {
    this.lines = lines;
    this.length = length;
  }

  static Text of(List<String> lines) {
    if (lines.isEmpty()) {
      throw new InvalidChanges("Inserted text must have at least one line");
    }
    if (lines.size() == 1 && lines.get(0).isEmpty()) {
      return EMPTY;
    }
    long length = -1;
    for (String line : lines) {
      length += line.length() + 1;
    }
    if (length > Integer.MAX_VALUE) {
      throw new InvalidChanges("Inserted text is too long");
    }
    return new Text(List.copyOf(lines), (int) length);
  }

  static Text ofString(String text) {
    return of(Arrays.asList(text.split("\n", -1)));
  }

  int length() {
    return length;
  }

  List<String> lines() {
    return lines;
  }

  Text append(Text other) {
    List<String> joined = new ArrayList<>(lines);
    int last = joined.size() - 1;
    joined.set(last, joined.get(last) + other.lines.get(0));
    joined.addAll(other.lines.subList(1, other.lines.size()));
    return of(joined);
  }

  /** CodeMirror's {@code sliceText}: clipped to the text, cut lines keep their place. */
  Text slice(int from, int to) {
    from = Math.max(0, Math.min(length, from));
    to = Math.max(from, Math.min(length, to));
    List<String> target = new ArrayList<>(List.of(""));
    boolean first = true;
    for (int pos = 0, i = 0; i < lines.size() && pos <= to; i++) {
      String line = lines.get(i);
      int end = pos + line.length();
      if (end >= from) {
        if (end > to) {
          line = line.substring(0, to - pos);
        }
        if (pos < from) {
          line = line.substring(from - pos);
        }
        if (first) {
          target.set(0, line);
          first = false;
        } else {
          target.add(line);
        }
      }
      pos = end + 1;
    }
    return of(target);
  }

  /** Writes the text into {@code target} from {@code at}; returns where it ends. */
  int copyTo(char[] target, int at) {
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        target[at++] = '\n';
      }
      String line = lines.get(i);
      line.getChars(0, line.length(), target, at);
      at += line.length();
    }
    return at;
  }

  void appendTo(StringBuilder out) {
    for (int i = 0; i < lines.size(); i++) {
      if (i > 0) {
        out.append('\n');
      }
      out.append(lines.get(i));
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Text other && lines.equals(other.lines);
  }

  @Override
  public int hashCode() {
    return lines.hashCode();
  }

  @Override
  public String toString() {
    return String.join("\n", lines);
  }
}
