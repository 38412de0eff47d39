package org.codeshare.lifecycle.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether this node serves or drains. Draining is one-way: it starts when the application is being
 * stopped and ends with the process.
 */
@ApplicationScoped
public class NodeState {

  private volatile Instant drainingSince;

  public boolean draining() {
    return drainingSince != null;
  }

  public Optional<Instant> drainingSince() {
    return Optional.ofNullable(drainingSince);
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
