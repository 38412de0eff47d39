package org.codeshare.collab.control;

import org.codeshare.collab.entity.SharedMessage;

/**
 * Where a room sends one connection's messages. Sends must not block: the socket queues them and
 * closes itself with a resync code when it cannot keep up.
 */
public interface Outlet {

  void send(String message);

  /** A message sent to several sockets at once: encoded for the wire once, not once per socket. */
  default void send(SharedMessage message) {
    send(message.text());
  }

  void close(int code, String reason);
}
