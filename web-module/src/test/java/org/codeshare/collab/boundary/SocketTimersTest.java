package org.codeshare.collab.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The idle-timer scheduler swap, on a container that keeps its scheduler as Tyrus does. */
class SocketTimersTest {

  /** Tyrus's container: sessions take this field's scheduler when they open. */
  static final class Container {
    @SuppressWarnings("unused") // read and written by SocketTimers through reflection
    private ScheduledExecutorService managedScheduledExecutorService;

    Container(ScheduledExecutorService scheduler) {
      this.managedScheduledExecutorService = scheduler;
    }

    ScheduledExecutorService scheduler() {
      return managedScheduledExecutorService;
    }
  }

  private final ScheduledExecutorService original = Executors.newSingleThreadScheduledExecutor();
  private final Container container = new Container(original);
  private final ServletContextEvent event = new ServletContextEvent(context(container));

  @AfterEach
  void stop() {
    original.shutdownNow();
  }

  @Test
  void socketsOpenWhenTheApplicationStopsKeepTheirTimersUntilTheyAreGone() throws Exception {
    var listener = new SocketTimers();
    listener.contextInitialized(event);
    assertThat(SocketTimers.installed()).isTrue();
    var plain = container.scheduler();
    assertThat(plain).isNotSameAs(original);
    var idleTimer = plain.schedule(() -> {}, 1, TimeUnit.HOURS); // an open socket's

    listener.contextDestroyed(event); // maybe before the drain, which still sends on them

    assertThat(SocketTimers.installed()).isFalse();
    assertThat(container.scheduler()).as("for sockets opened from now on").isSameAs(original);
    var ran = new CountDownLatch(1);
    plain.schedule(ran::countDown, 1, TimeUnit.MILLISECONDS); // a frame sent while draining
    assertThat(ran.await(5, TimeUnit.SECONDS)).as("a timer re-armed after the stop").isTrue();

    idleTimer.cancel(false); // the socket closed
    var pool = (ScheduledThreadPoolExecutor) plain;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pool.getPoolSize() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(pool.getPoolSize()).as("the scheduler's thread, once no timer is left").isZero();
  }

  private static ServletContext context(Container container) {
    return (ServletContext)
        Proxy.newProxyInstance(
            SocketTimersTest.class.getClassLoader(),
            new Class<?>[] {ServletContext.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getAttribute")
                  && ServerContainer.class.getName().equals(args[0])) {
                return container;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }
}
