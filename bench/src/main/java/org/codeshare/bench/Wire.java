package org.codeshare.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A lean WebSocket client for many sockets: one selector thread reads every socket and hands each
 * whole text message to its listener on that thread, with no task per frame. The handshake is done
 * blocking by the caller, then the socket joins the loop. It speaks what the editor endpoint needs:
 * text messages (fragmented or not), ping, close.
 */
final class Wire implements AutoCloseable {

  /** What a socket's owner hears. Called on the loop's thread. */
  interface Listener {
    void onOpen(Connection connection);

    void onText(String message);

    void onClose(int code);
  }

  private final Selector selector;
  private final Queue<Connection> joining = new ConcurrentLinkedQueue<>();
  private final Thread loop;
  private volatile boolean running = true;

  Wire(String name) throws IOException {
    selector = Selector.open();
    loop = new Thread(this::run, name);
    loop.setDaemon(true);
    loop.start();
  }

  /** Opens a socket to {@code uri} (ws://), completes the handshake, then serves it. */
  Connection connect(URI uri, Listener listener) throws IOException {
    var channel = SocketChannel.open(new InetSocketAddress(uri.getHost(), uri.getPort()));
    channel.socket().setTcpNoDelay(true);
    var key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    var request =
        "GET "
            + uri.getRawPath()
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
            + " HTTP/1.1\r\nHost: "
            + uri.getHost()
            + ":"
            + uri.getPort()
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: "
            + Base64.getEncoder().encodeToString(key)
            + "\r\n\r\n";
    var out = ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII));
    while (out.hasRemaining()) {
      channel.write(out);
    }
    var in = ByteBuffer.allocate(64 * 1024);
    int end;
    while ((end = headerEnd(in)) < 0) {
      if (channel.read(in) < 0) {
        throw new IOException("handshake: connection closed");
      }
    }
    var head = new String(in.array(), 0, end, StandardCharsets.ISO_8859_1);
    if (!head.startsWith("HTTP/1.1 101")) {
      throw new IOException("handshake refused: " + head.lines().findFirst().orElse(head));
    }
    in.flip().position(end + 4);
    in.compact();
    channel.configureBlocking(false);
    var connection = new Connection(channel, listener, in);
    listener.onOpen(connection);
    joining.add(connection);
    selector.wakeup();
    return connection;
  }

  private static int headerEnd(ByteBuffer in) {
    var bytes = in.array();
    for (int i = 3; i < in.position(); i++) {
      if (bytes[i - 3] == '\r'
          && bytes[i - 2] == '\n'
          && bytes[i - 1] == '\r'
          && bytes[i] == '\n') {
        return i - 3;
      }
    }
    return -1;
  }

  private void run() {
    while (running) {
      try {
        selector.select(100);
        Connection joined;
        while ((joined = joining.poll()) != null) {
          joined.key = joined.channel.register(selector, SelectionKey.OP_READ, joined);
          joined.readFrames(); // what arrived with the handshake
          joined.flush();
        }
        for (var key : selector.selectedKeys()) {
          var connection = (Connection) key.attachment();
          if (!key.isValid()) {
            continue;
          }
          if (key.isWritable()) {
            connection.flush();
          }
          if (key.isValid() && key.isReadable()) {
            connection.read();
          }
        }
        selector.selectedKeys().clear();
      } catch (IOException | RuntimeException e) {
        if (running) {
          e.printStackTrace();
        }
      }
    }
  }

  @Override
  public void close() throws IOException {
    running = false;
    selector.wakeup();
    selector.close();
  }

  /** One socket. {@link #sendText} may be called from any thread. */
  static final class Connection {
    private final SocketChannel channel;
    private final Listener listener;
    private ByteBuffer in;
    private final ArrayDeque<ByteBuffer> pending = new ArrayDeque<>();
    private final ByteArrayOutputStream fragments = new ByteArrayOutputStream();
    private SelectionKey key;
    private volatile boolean closed;

    private Connection(SocketChannel channel, Listener listener, ByteBuffer in) {
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

    private synchronized void flush() throws IOException {
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

    private void read() {
      try {
        if (!in.hasRemaining()) {
          in = ByteBuffer.allocate(in.capacity() * 2).put(in.flip());
        }
        if (channel.read(in) < 0) {
          fail();
          return;
        }
        readFrames();
      } catch (IOException e) {
        fail();
      }
    }

    /** Handles every whole frame in the buffer; keeps a partial one for the next read. */
    private void readFrames() {
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
            listener.onText(fragments.toString(StandardCharsets.UTF_8));
            fragments.reset();
          } else if (fin) {
            listener.onText(new String(in.array(), at, (int) length, StandardCharsets.UTF_8));
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
}
