package org.codeshare.collab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Timers of live editing: {@code codeshare_edit_commit_seconds} (one append transaction of a push)
 * and {@code codeshare_fanout_seconds} (handing committed updates to this node's sockets and
 * publishing them to the other nodes). Without a registry (plain unit tests) nothing is recorded.
 */
@ApplicationScoped
public class EditMetrics {

  public static final String COMMIT = "codeshare_edit_commit";
  public static final String FANOUT = "codeshare_fanout";

  @Inject MetricRegistry registry;

  private volatile Timer commit;
  private volatile Timer fanout;

  void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
    timers();
  }

  void committed(long startNanos) {
    if (timers()) {
      commit.update(Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  void fannedOut(long startNanos) {
    if (timers()) {
      fanout.update(Duration.ofNanos(System.nanoTime() - startNanos));
    }
  }

  private boolean timers() {
    if (registry == null) {
      return false;
    }
    if (commit == null) {
      commit = timer(COMMIT, "Time to commit one push to room_updates (one transaction)");
      fanout = timer(FANOUT, "Time to hand committed updates to local sockets and other nodes");
    }
    return true;
  }

  private Timer timer(String name, String description) {
    return registry.timer(
        Metadata.builder()
            .withName(name)
            .withDescription(description)
            .withUnit(MetricUnits.NANOSECONDS)
            .build());
  }
}
