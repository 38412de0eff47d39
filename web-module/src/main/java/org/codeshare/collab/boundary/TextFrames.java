package org.codeshare.collab.boundary;

import java.nio.charset.StandardCharsets;
import org.codeshare.collab.entity.JsonText;

/**
 * WebSocket text frames as a server writes them (RFC 6455 §5.2): one final frame, opcode 1, not
 * masked, the payload's length in 7, 16 or 64 bits, then the payload in UTF-8.
 */
final class TextFrames {

  private static final int FINAL_TEXT = 0x81;
  private static final int LENGTH_16 = 126;
  private static final int LENGTH_64 = 127;

  private TextFrames() {}

  /** The frame carrying {@code text}; null if UTF-8 cannot carry it (a lone surrogate). */
  static byte[] of(String text) {
    if (!JsonText.isWellFormed(text)) {
      return null;
    }
    var payload = text.getBytes(StandardCharsets.UTF_8);
    int length = payload.length;
    int header = length < LENGTH_16 ? 2 : length <= 0xFFFF ? 4 : 10;
    var frame = new byte[header + length];
    frame[0] = (byte) FINAL_TEXT;
    if (header == 2) {
      frame[1] = (byte) length;
    } else if (header == 4) {
      frame[1] = LENGTH_16;
      frame[2] = (byte) (length >>> 8);
      frame[3] = (byte) length;
    } else {
      frame[1] = LENGTH_64;
      for (int i = 0; i < 8; i++) {
        frame[2 + i] = (byte) ((long) length >>> (56 - 8 * i));
      }
    }
    System.arraycopy(payload, 0, frame, header, length);
    return frame;
  }
}
