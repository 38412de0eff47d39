package org.codeshare.collab.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * A group of changes to a document of exactly {@link #length()} UTF-16 code units, with the text
 * they insert. A faithful port of CodeMirror 6's {@code ChangeSet}: {@link #map}, {@link #compose}
 * and the JSON form give the same results, section for section, as the browser; immutable.
 */
public final class ChangeSet extends ChangeDesc {

  private final List<Text> inserted;
  // Written once, read for the check, the row, the message and the fan-out: racy but idempotent.
  private JsonArray json;
  private String jsonText;

  ChangeSet(int[] sections, List<Text> inserted) {
    super(sections);
    this.inserted = List.copyOf(inserted);
  }

  ChangeSet(int[] sections, List<Text> inserted, int length, int newLength, int singleFrom) {
    super(sections, length, newLength, singleFrom);
    this.inserted = List.copyOf(inserted);
  }

  /** {@link ChangeDesc#stretched(int, int, boolean)} as a set. */
  ChangeSet stretched(int before, int after) {
    return (ChangeSet) stretched(before, after, true);
  }

  /** The change that keeps a document of {@code length} as it is. */
  public static ChangeSet empty(int length) {
    if (length < 0) {
      throw new InvalidChanges("Negative document length " + length);
    }
    return new ChangeSet(length > 0 ? new int[] {length, -1} : new int[0], List.of());
  }

  /** The change that turns {@code doc} into {@code text} by replacing all of it. */
  public static ChangeSet replaceAll(String doc, String text) {
    var json = ChangeSetJson.JSON.createArrayBuilder().add(doc.length());
    for (var line : text.split("\n", -1)) {
      json.add(line);
    }
    return fromJson(ChangeSetJson.JSON.createArrayBuilder().add(json).build());
  }

  /**
   * Reads CodeMirror's JSON form: {@code n} keeps n characters, {@code [n]} deletes them, {@code
   * [n, "line", ...]} replaces them with the lines joined by {@code "\n"}.
   *
   * @throws InvalidChanges when {@code json} has another shape, or a length is not a non-negative
   *     integer
   */
  public static ChangeSet fromJson(JsonValue json) {
    return ChangeSetJson.parse(json);
  }

  /** As {@link #fromJson(JsonValue)}. */
  public static ChangeSet fromJson(JsonArray json) {
    return ChangeSetJson.parse(json);
  }

  public JsonArray toJson() {
    var written = json;
    if (written == null) {
      written = ChangeSetJson.write(sections, inserted);
      json = written;
    }
    return written;
  }

  /** {@link #toJson()} as text, lone surrogates escaped ({@link JsonText#wellFormed}). */
  public String toJsonText() {
    var text = jsonText;
    if (text == null) {
      text = JsonText.wellFormed(toJson().toString());
      jsonText = text;
    }
    return text;
  }

  @Override
  List<Text> inserted() {
    return inserted;
  }

  Text text(int section) {
    return section < inserted.size() ? inserted.get(section) : Text.EMPTY;
  }

  /** Throws {@link InvalidChanges} unless this applies to a document of {@code docLength}. */
  public void checkAppliesTo(int docLength) {
    if (docLength != length()) {
      throw new InvalidChanges(
          "Cannot apply a change of length " + length() + " to a document of length " + docLength);
    }
  }

  public String apply(String doc) {
    checkAppliesTo(doc.length());
    StringBuilder result = new StringBuilder(newLength());
    for (int i = 0, pos = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        result.append(doc, pos, pos + len);
      } else if (ins > 0) {
        text(i >> 1).appendTo(result);
      }
      pos += len;
    }
    return result.toString();
  }

  /** The change that takes the document this one produced from {@code doc} back to {@code doc}. */
  public ChangeSet invert(String doc) {
    if (doc.length() != length()) {
      throw new InvalidChanges(
          "Cannot invert a change of length "
              + length()
              + " on a document of length "
              + doc.length());
    }
    int[] inverted = sections.clone();
    List<Text> texts = new ArrayList<>();
    for (int i = 0, pos = 0; i < inverted.length; i += 2) {
      int len = inverted[i];
      int ins = inverted[i + 1];
      if (ins >= 0) {
        inverted[i] = ins;
        inverted[i + 1] = len;
        while (texts.size() < i >> 1) {
          texts.add(Text.EMPTY);
        }
        texts.add(len > 0 ? Text.ofString(doc.substring(pos, pos + len)) : Text.EMPTY);
      }
      pos += len;
    }
    return new ChangeSet(inverted, texts);
  }

  /** This change followed by {@code other}, which must start in the document this one produces. */
  public ChangeSet compose(ChangeSet other) {
    requireFollowedBy(other);
    return empty()
        ? other
        : other.empty() ? this : (ChangeSet) ChangeAlgebra.composeSets(this, other, true);
  }

  /** {@link #map(ChangeDesc, boolean)} with {@code other} taken to have happened first. */
  public ChangeSet map(ChangeDesc other) {
    return map(other, false);
  }

  /**
   * This change moved over {@code other}, a concurrent change to the same document, so that it
   * applies after it. {@code a.compose(b.map(a))} and {@code b.compose(a.map(b, true))} produce the
   * same document; {@code before} orders inserts at the same position as if this came first.
   */
  public ChangeSet map(ChangeDesc other, boolean before) {
    requireSameStart(other);
    return other.empty() ? this : (ChangeSet) ChangeAlgebra.mapSet(this, other, before, true);
  }

  /**
   * As CodeMirror's override: a change set stays a set, and an empty {@code other} is mapped too.
   */
  @Override
  public ChangeSet mapDesc(ChangeDesc other, boolean before) {
    requireSameStart(other);
    return (ChangeSet) ChangeAlgebra.mapSet(this, other, before, true);
  }

  public ChangeDesc desc() {
    return new ChangeDesc(sections);
  }

  @Override
  public boolean equals(Object o) {
    if (!super.equals(o)) {
      return false;
    }
    ChangeSet other = (ChangeSet) o;
    for (int i = 0; i < sections.length; i += 2) {
      if (sections[i + 1] > 0 && !text(i >> 1).equals(other.text(i >> 1))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return super.hashCode();
  }

  @Override
  public String toString() {
    return toJson().toString();
  }
}
