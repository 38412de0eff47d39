package org.codeshare.lifecycle.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this node serves or drains. Draining is one-way: it starts when the application is being
 * stopped (readiness DOWN, no new editor sockets), then the node stops taking in messages from the
 * sockets still open, and it ends with the process.
 */
@ApplicationScoped
public class NodeState {

  private volatile Instant drainingSince;
  private volatile boolean intakeStopped;

  public boolean draining() {
    return drainingSince != null;
  }

  public Optional<Instant> drainingSince() {
    return Optional.ofNullable(drainingSince);
  }

  /** False once the node no longer takes in messages from its open editor sockets. */
  public boolean takingMessages() {
    return !intakeStopped;
  }

  /** The last step before the sockets close: what arrives now is left for the next node. */
  public void stopIntake() {
    intakeStopped = true;
  }

  /** Marks the node draining; false when it already was. */
  public synchronized boolean startDraining() {
    if (drainingSince != null) {
      return false;
    }
    drainingSince = Instant.now();
    return true;
  }
}
