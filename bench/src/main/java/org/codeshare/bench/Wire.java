package org.codeshare.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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

    /**
     * A whole text message; {@code arrived} is the {@link System#nanoTime()} at which its bytes had
     * been read from the socket, before any message of that round was handled.
     */
    void onText(String message, long arrived);

    void onClose(int code);
  }

  private final Selector selector;
  private final Queue<Connection> joining = new ConcurrentLinkedQueue<>();
  private final Thread loop;
  private final List<Connection> filled = new ArrayList<>();
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
          joined.arrivedWithHandshake();
          joined.readFrames(); // what arrived with the handshake
          joined.flush();
        }
        // Every ready socket is read first, then the messages are handled: a message's arrival
        // is when its bytes were read, not after the messages of the sockets before it were
        // handled. Each socket stands for a browser of its own; the one thread is the driver's.
        filled.clear();
        for (var key : selector.selectedKeys()) {
          var connection = (Connection) key.attachment();
          if (!key.isValid()) {
            continue;
          }
          if (key.isWritable()) {
            connection.flush();
          }
          if (key.isValid() && key.isReadable() && connection.fill()) {
            filled.add(connection);
          }
        }
        selector.selectedKeys().clear();
        for (var connection : filled) {
          connection.readFrames();
        }
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
}
