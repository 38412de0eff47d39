package org.codeshare.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One socket of a {@link Wire}: masked frames out (from any thread, in order), whole text messages
 * in, handed to its listener on the wire's thread.
 */
final class Connection {
  final SocketChannel channel;
  private final Wire.Listener listener;
  private ByteBuffer in;
  private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
  private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
  SelectionKey key;
  private volatile boolean closed;
  private long readAt;

  Connection(SocketChannel channel, Wire.Listener listener, ByteBuffer in) {
    this.channel = channel;
    this.listener = listener;
    this.in = in;
  }

  void sendText(String text) {
    send(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  void sendClose(int code) {
    send(0x8, new byte[] {(byte) (code >> 8), (byte) code});
  }

  private synchronized void send(int opcode, byte[] payload) {
    if (closed) {
      return;
    }
    int length = payload.length;
    int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
    var frame = ByteBuffer.allocate(header + 4 + length);
    frame.put((byte) (0x80 | opcode));
    if (length < 126) {
      frame.put((byte) (0x80 | length));
    } else if (length < 65536) {
      frame.put((byte) (0x80 | 126)).putShort((short) length);
    } else {
      frame.put((byte) (0x80 | 127)).putLong(length);
    }
    int mask = ThreadLocalRandom.current().nextInt();
    frame.putInt(mask);
    for (int i = 0; i < length; i++) {
      frame.put((byte) (payload[i] ^ (mask >>> (24 - 8 * (i & 3)))));
    }
    frame.flip();
    pending.add(frame);
    try {
      flush();
    } catch (IOException e) {
      fail();
    }
  }

  synchronized void flush() throws IOException {
    while (!pending.isEmpty()) {
      var head = pending.peek();
      channel.write(head);
      if (head.hasRemaining()) {
        if (key != null && key.isValid()) {
          key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
          key.selector().wakeup();
        }
        return;
      }
      pending.poll();
    }
    if (key != null && key.isValid()) {
      key.interestOps(SelectionKey.OP_READ);
    }
  }

  /**
   * Reads what the socket holds into the buffer and notes when: every frame in it had arrived by
   * then. False when the socket is closed.
   */
  boolean fill() {
    try {
      if (!in.hasRemaining()) {
        in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
      }
      if (channel.read(in) < 0) {
        fail();
        return false;
      }
      readAt = System.nanoTime();
      return true;
    } catch (IOException e) {
      fail();
      return false;
    }
  }

  /** What arrived with the handshake: read by the handshake, so it is here now. */
  void arrivedWithHandshake() {
    readAt = System.nanoTime();
  }

  /**
   * Handles every whole frame in the buffer; keeps a partial one for the next read. Each text
   * message reaches the listener with the time its bytes were read ({@link #fill}), not the time it
   * is handled.
   */
  void readFrames() {
    in.flip();
    while (in.remaining() >= 2) {
      int start = in.position();
      int first = in.get() & 0xff;
      int second = in.get() & 0x7f;
      long length = second;
      if (second == 126) {
        if (in.remaining() < 2) {
          in.position(start);
          break;
        }
        length = in.getShort() & 0xffff;
      } else if (second == 127) {
        if (in.remaining() < 8) {
          in.position(start);
          break;
        }
        length = in.getLong();
      }
      if (in.remaining() < length) {
        in.position(start);
        if (in.capacity() < length + 14) {
          var bigger = ByteBuffer.allocate((int) length + 14);
          bigger.put(in);
          in = bigger;
          return;
        }
        break;
      }
      int opcode = first & 0x0f;
      if (opcode == 0x8) {
        int at = in.position();
        int code = length >= 2 ? ((in.get(at) & 0xff) << 8) | (in.get(at + 1) & 0xff) : 1005;
        in.position(in.position() + (int) length);
        closed = true;
        listener.onClose(code);
        closeQuietly();
        return;
      }
      int at = in.position();
      in.position(at + (int) length);
      boolean fin = (first & 0x80) != 0;
      if (opcode == 0x9) {
        send(0xA, Arrays.copyOfRange(in.array(), at, at + (int) length));
      } else if (opcode == 0x1 || opcode == 0x0) {
        if (!fin || fragments.size() > 0) {
          fragments.write(in.array(), at, (int) length);
        }
        if (fin && fragments.size() > 0) {
          listener.onText(fragments.toString(StandardCharsets.UTF_8), readAt);
          fragments.reset();
        } else if (fin) {
          listener.onText(new String(in.array(), at, (int) length, StandardCharsets.UTF_8), readAt);
        }
      }
    }
    in.compact();
  }

  private void fail() {
    if (!closed) {
      closed = true;
      listener.onClose(1006);
    }
    closeQuietly();
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // gone already
    }
  }
}
