package org.codeshare.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.HashSet;
import java.util.Set;

/** Port selection: a system property wins, otherwise a free loopback port. */
public final class Ports {
  static final String HOST = "127.0.0.1";

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

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
