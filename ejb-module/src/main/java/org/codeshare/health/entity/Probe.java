package org.codeshare.health.entity;

/**
 * The outcome of checking one dependency: whether it is configured, whether it answered, how long
 * that took and, when it failed, why.
 */
public record Probe(
    String name, boolean configured, String kind, boolean up, long latencyMillis, String error) {

  /** A check that throws is down; the exception's message is the detail. */
  public interface Check {
    void run() throws Exception;
  }

  public static Probe time(String name, String kind, Check check) {
    var start = System.nanoTime();
    try {
      check.run();
      return new Probe(name, true, kind, true, elapsedMillis(start), null);
    } catch (Exception e) {
      var message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      return new Probe(name, true, kind, false, elapsedMillis(start), message);
    }
  }

  public static Probe notConfigured(String name, String fallback) {
    return new Probe(name, false, fallback, true, 0, null);
  }

  private static long elapsedMillis(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
