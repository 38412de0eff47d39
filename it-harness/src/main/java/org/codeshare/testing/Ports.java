package org.codeshare.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Port selection: a system property wins, otherwise a free loopback port. */
public final class Ports {
  /** Where the harness binds its servers and the nodes are reached. */
  public static final String HOST = "127.0.0.1";

  private static final int LOWEST = 20000;
  private static final int EPHEMERAL_START = 32768;

  private final Set<Integer> taken = new HashSet<>();

  /** The port named by system property {@code property}, or a free random loopback port. */
  synchronized int resolve(String property) {
    String value = System.getProperty(property);
    int port;
    if (value != null && !value.isBlank()) {
      try {
        port = Integer.parseInt(value.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(property + " is not a port: " + value, e);
      }
    } else {
      do {
        port = freePort();
      } while (taken.contains(port));
    }
    if (!taken.add(port)) {
      throw new IllegalArgumentException(
          property + "=" + port + " is already used by another server");
    }
    return port;
  }

  /**
   * A free loopback port below the kernel's ephemeral range (32768 and up on Linux), so an outgoing
   * connection made between choosing the port and the server binding it cannot take it.
   */
  public static int freePort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = ThreadLocalRandom.current().nextInt(LOWEST, EPHEMERAL_START);
      try (ServerSocket socket = new ServerSocket()) {
        socket.setReuseAddress(false);
        socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port), 1);
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException(
        "no free port between " + LOWEST + " and " + EPHEMERAL_START + " after 200 attempts");
  }

  /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
  static boolean isListening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(HOST, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
