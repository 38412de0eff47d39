package org.codeshare.testing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.LockSupport;

/** Bounded polling for conditions, instead of fixed sleeps. */
public final class Await {
  private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

  private Await() {}

  /** A condition that may throw; a throw counts as "not yet". */
  @FunctionalInterface
  public interface Condition {
    boolean test() throws Exception;
  }

  /** Polls {@code condition} until it holds, or fails with an {@link AssertionError}. */
  public static void until(String description, Duration timeout, Condition condition) {
    value(description, timeout, () -> condition.test() ? Boolean.TRUE : null);
  }

  /**
   * Polls {@code supplier} until it returns a non-null value without throwing, and returns it; an
   * {@link Optional} result counts only when present, and is unwrapped by the caller.
   */
  public static <T> T value(String description, Duration timeout, Callable<T> supplier) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    while (true) {
      try {
        T result = supplier.call();
        if (result != null && !(result instanceof Optional<?> o && o.isEmpty())) {
          return result;
        }
      } catch (Exception | AssertionError e) {
        last = e;
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "Timed out after " + timeout.toMillis() + " ms waiting for: " + description, last);
      }
      LockSupport.parkNanos(POLL_INTERVAL.toNanos());
      if (Thread.interrupted()) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted while waiting for: " + description, last);
      }
    }
  }
}
