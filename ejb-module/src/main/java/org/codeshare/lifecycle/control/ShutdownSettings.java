package org.codeshare.lifecycle.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code codeshare.shutdown.*} limits of a graceful stop. */
@ApplicationScoped
public class ShutdownSettings {

  /** How long readiness reports DOWN before editors are sent away, for load balancers to notice. */
  @Inject
  @ConfigProperty(name = "codeshare.shutdown.readiness-delay", defaultValue = "PT0S")
  Duration readinessDelay;

  /** The longest wait for pushes already taken in to be committed. */
  @Inject
  @ConfigProperty(name = "codeshare.shutdown.commit-timeout", defaultValue = "PT10S")
  Duration commitTimeout;

  /** The time {@code NodeDraining} observers get to flush snapshots and the outbox. */
  @Inject
  @ConfigProperty(name = "codeshare.shutdown.flush-timeout", defaultValue = "PT10S")
  Duration flushTimeout;

  public Duration readinessDelay() {
    return readinessDelay;
  }

  public Duration commitTimeout() {
    return commitTimeout;
  }

  public Duration flushTimeout() {
    return flushTimeout;
  }
}
