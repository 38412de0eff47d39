package org.codeshare.collab.control;

/**
 * Where a room sends one connection's messages. Sends must not block: the socket queues them and
 * closes itself with a resync code when it cannot keep up.
 */
public interface Outlet {

  void send(String message);

  void close(int code, String reason);
}
