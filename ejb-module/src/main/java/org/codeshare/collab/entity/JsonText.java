package org.codeshare.collab.entity;

/**
 * JSON text that survives UTF-8. Documents are UTF-16 and an edit may split a surrogate pair, so a
 * string can hold a lone surrogate; JSON-P writes it raw, and encoding to UTF-8 (for a socket or
 * the database) would turn it into {@code ?}. Written as a {@code \\uXXXX} escape instead, it reads
 * back as the same character, as browsers' {@code JSON.stringify} does it.
 */
public final class JsonText {

  private JsonText() {}

  /** True when {@code text} has no lone surrogate, so UTF-8 can carry it as it is. */
  public static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (lone(text, i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean lone(String text, int i) {
    char c = text.charAt(i);
    return Character.isHighSurrogate(c)
            && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))
        || Character.isLowSurrogate(c)
            && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  /** {@code json} with every lone surrogate escaped; the same instance when there is none. */
  public static String wellFormed(String json) {
    StringBuilder out = null;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (lone(json, i)) {
        if (out == null) {
          out = new StringBuilder(json.length() + 16).append(json, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? json : out.toString();
  }
}
