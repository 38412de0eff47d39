package org.codeshare.testing;

/** One server behind {@link RealServers}; restartable on the same port. */
interface ManagedServer {
  String name();

  int port();

  void start() throws Exception;

  void stop() throws Exception;

  boolean isRunning();

  default void startUnchecked() {
    try {
      start();
    } catch (Exception e) {
      throw new IllegalStateException("Could not start " + name() + " on port " + port(), e);
    }
  }

  default void stopUnchecked() {
    try {
      stop();
    } catch (Exception e) {
      throw new IllegalStateException("Could not stop " + name() + " on port " + port(), e);
    }
  }
}
