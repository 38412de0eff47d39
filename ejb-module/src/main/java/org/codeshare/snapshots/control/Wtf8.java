package org.codeshare.snapshots.control;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.codeshare.collab.entity.JsonText;

/**
 * Snapshot bytes: UTF-8, except that a lone UTF-16 surrogate (half of an emoji split by concurrent
 * edits) is written as its own three-byte sequence (WTF-8) instead of {@code ?}, so a snapshot
 * reads back as exactly the document it was taken of. Text without one is plain UTF-8.
 */
final class Wtf8 {

  private Wtf8() {}

  static byte[] encode(String text) {
    if (JsonText.isWellFormed(text)) {
      return text.getBytes(StandardCharsets.UTF_8);
    }
    var out = new ByteArrayOutputStream(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        out.write(cp);
      } else if (cp < 0x800) {
        out.write(0xC0 | cp >> 6);
        out.write(0x80 | cp & 0x3F);
      } else if (cp < 0x10000) {
        out.write(0xE0 | cp >> 12);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      } else {
        out.write(0xF0 | cp >> 18);
        out.write(0x80 | cp >> 12 & 0x3F);
        out.write(0x80 | cp >> 6 & 0x3F);
        out.write(0x80 | cp & 0x3F);
      }
    }
    return out.toByteArray();
  }

  static String decode(byte[] bytes) {
    var text = new StringBuilder(bytes.length);
    for (int i = 0; i < bytes.length; ) {
      int c = bytes[i] & 0xFF;
      if (c < 0x80) {
        text.append((char) c);
        i += 1;
      } else if (c >= 0xF0) {
        text.appendCodePoint(
            (c & 0x07) << 18
                | (bytes[i + 1] & 0x3F) << 12
                | (bytes[i + 2] & 0x3F) << 6
                | bytes[i + 3] & 0x3F);
        i += 4;
      } else if (c >= 0xE0) {
        text.append((char) ((c & 0x0F) << 12 | (bytes[i + 1] & 0x3F) << 6 | bytes[i + 2] & 0x3F));
        i += 3;
      } else {
        text.append((char) ((c & 0x1F) << 6 | bytes[i + 1] & 0x3F));
        i += 2;
      }
    }
    return text.toString();
  }
}
