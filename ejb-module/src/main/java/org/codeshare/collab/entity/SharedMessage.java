package org.codeshare.collab.entity;

import java.util.function.Function;

/**
 * One server message on its way to many sockets: its text, and its bytes as the socket layer writes
 * them, made once for all of them. A room's {@code updates} frame goes to every socket in the room;
 * encoding it per socket was a sixth of a busy node's CPU.
 */
public final class SharedMessage {

  private final String text;
  private volatile byte[] wire;

  public SharedMessage(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /**
   * The wire form {@code encoder} makes of the text, made by the first socket that asks and kept
   * for the others (two sockets asking at once may both make it; they make the same bytes). The
   * bytes are shared: nobody may change them. A null from the encoder (it cannot encode this text)
   * is not kept.
   */
  public byte[] wire(Function<String, byte[]> encoder) {
    var made = wire;
    if (made == null) {
      made = encoder.apply(text);
      wire = made;
    }
    return made;
  }
}
