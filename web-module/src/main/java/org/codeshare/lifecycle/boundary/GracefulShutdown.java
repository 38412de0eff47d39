package org.codeshare.lifecycle.boundary;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.boundary.CloseCodes;
import org.codeshare.collab.boundary.EditorSessions;
import org.codeshare.collab.control.RoomSequencer;
import org.codeshare.lifecycle.control.NodeState;
import org.codeshare.lifecycle.control.ShutdownSettings;
import org.codeshare.lifecycle.entity.NodeDraining;

/**
 * Drains the node when the application stops (SIGTERM, {@code asadmin stop-domain}, undeploy):
 * readiness goes DOWN and new editor sockets are refused; after {@code
 * codeshare.shutdown.readiness-delay} the messages still arriving are no longer taken in, the
 * pushes already taken in are committed (at most {@code codeshare.shutdown.commit-timeout}), every
 * editor leaves its room (its client IDs are released on every node) and is then told to reconnect
 * elsewhere (close code 1012), and {@link NodeDraining} observers flush (told to finish by {@code
 * codeshare.shutdown.flush-timeout}).
 */
@WebListener
public class GracefulShutdown implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(GracefulShutdown.class.getName());

  /** Made as the application starts, while logging is as configured (the drain may outlive it). */
  private final ShutdownLog log = ShutdownLog.of(LOG);

  @Inject NodeState node;
  @Inject ShutdownSettings settings;
  @Inject EditorSessions sessions;
  @Inject RoomSequencer rooms;
  @Inject Event<NodeDraining> draining;

  /**
   * The drain's limits, read as the application starts: while the JVM stops, the configuration may
   * no longer be readable (Payara's cluster config source asks Hazelcast, which its own shutdown
   * hook may have stopped already), and a drain that cannot read its limits would not drain at all.
   */
  private record Limits(Duration readinessDelay, Duration commitTimeout, Duration flushTimeout) {}

  private volatile Limits limits;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    limits = limits();
  }

  private Limits limits() {
    var read = limits;
    return read != null
        ? read
        : new Limits(settings.readinessDelay(), settings.commitTimeout(), settings.flushTimeout());
  }

  @Override
  public void contextDestroyed(ServletContextEvent event) {
    if (!node.startDraining()) {
      return;
    }
    var started = System.nanoTime();
    log.log(
        Level.INFO,
        "draining: readiness DOWN, new editor sockets refused",
        Map.of("event", "drain-started", "sockets", sessions.count()));
    try {
      drain(started);
    } catch (RuntimeException | Error e) {
      log.log(Level.SEVERE, "the drain failed", e); // the container's own log may be gone
      throw e;
    }
  }

  private void drain(long started) {
    var limits = limits();
    pause(limits.readinessDelay());
    node.stopIntake();
    var settled = awaitCommits(limits.commitTimeout());
    int closed = 0;
    try {
      closed =
          sessions.leaveAndCloseAll(
              CloseCodes.SERVICE_RESTART, "service restart", limits.commitTimeout());
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "draining: closing the editor sockets failed", e);
    }
    try {
      draining.fire(new NodeDraining(Instant.now().plus(limits.flushTimeout())));
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "a NodeDraining observer failed", e);
    }
    log.log(
        Level.INFO,
        "drained",
        Map.of(
            "event",
            "drain-finished",
            "socketsClosed",
            closed,
            "commitsSettled",
            settled,
            "durationMs",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  private boolean awaitCommits(Duration timeout) {
    try {
      rooms.settled().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      log.log(
          Level.WARNING,
          "draining: commits still running after " + timeout,
          Map.of("event", "drain-commits-pending"));
    } catch (ExecutionException | RuntimeException e) {
      log.log(Level.WARNING, "draining: waiting for commits failed", e);
    } catch (InterruptedException e) {
      log.log(Level.WARNING, "draining: interrupted while waiting for commits", e);
      Thread.currentThread().interrupt();
    }
    return false;
  }

  private static void pause(Duration delay) {
    long deadline = System.nanoTime() + delay.toNanos();
    while (System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
      LockSupport.parkNanos(deadline - System.nanoTime());
    }
  }
}
