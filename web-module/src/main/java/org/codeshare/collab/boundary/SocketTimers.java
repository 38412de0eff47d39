package org.codeshare.collab.boundary;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives the WebSocket container a plain scheduler for its per-socket idle timers.
 *
 * <p>Tyrus (2.1 in Payara 6) re-arms a socket's idle timer on every frame sent or received, on the
 * application server's default managed scheduler. There each schedule captures the calling thread's
 * context, which includes a {@code ServiceLoader} scan of every jar visible to the application (for
 * received frames the application's own class loader, so the scan covers the server's modules and
 * the WAR's libraries), and a cancelled timer stays queued until it would have fired. Profiles of a
 * room of 100 authors put about 45 % of the node's CPU there. The idle timers need no context: this
 * listener swaps the container's scheduler for a plain one (one thread, cancelled timers removed at
 * once) before the first socket opens. It works through Tyrus's private field; when that is not
 * possible (another container, another Tyrus), nothing changes and {@link #installed()} says so:
 * editor sockets then run without the container's idle timer and {@link EditorSessions} alone
 * closes silent ones.
 */
@WebListener
public class SocketTimers implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(SocketTimers.class.getName());
  private static final String FIELD = "managedScheduledExecutorService";
  private static final Duration IDLE_THREAD_LIFE = Duration.ofSeconds(1);

  private static volatile boolean installed;
  private ScheduledThreadPoolExecutor timers;
  private Object container;
  private Field field;
  private Object original;

  /** Whether the container's idle timers run on the plain scheduler. */
  static boolean installed() {
    return installed;
  }

  @Override
  public void contextInitialized(ServletContextEvent event) {
    var container = event.getServletContext().getAttribute(ServerContainer.class.getName());
    if (container == null) {
      return;
    }
    var field = field(container.getClass());
    if (field == null) {
      LOG.info("WebSocket idle timers stay on the container's scheduler (no field " + FIELD + ")");
      return;
    }
    var created =
        new ScheduledThreadPoolExecutor(
            1,
            task -> {
              var thread = new Thread(task, "codeshare-socket-timers");
              thread.setDaemon(true);
              thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
              return thread;
            });
    created.setRemoveOnCancelPolicy(true);
    try {
      original = field.get(container);
      field.set(container, created);
      this.container = container;
      this.field = field;
      timers = created;
      installed = true;
      LOG.fine("WebSocket idle timers run on a plain scheduler");
    } catch (ReflectiveOperationException | RuntimeException e) {
      created.shutdownNow();
      LOG.log(Level.INFO, "WebSocket idle timers stay on the container's scheduler", e);
    }
  }

  /**
   * Gives the container its own scheduler back for sockets opened from now on, and lets the plain
   * one end by itself once its last timer is gone. It is not shut down here: every open socket
   * keeps the scheduler it was opened with (Tyrus takes it once per session), and a frame whose
   * idle timer cannot be scheduled fails to send. Listeners stop in no fixed order, so this may run
   * before the node's drain, which still sends on these sockets and then closes them with 1012; a
   * scheduler shut down here closed them with a send failure instead (4000), before the drain.
   */
  @Override
  public void contextDestroyed(ServletContextEvent event) {
    installed = false;
    if (timers != null) {
      try {
        field.set(container, original);
      } catch (ReflectiveOperationException | RuntimeException e) {
        LOG.log(Level.FINE, "the container's scheduler could not be put back", e);
      }
      timers.setKeepAliveTime(IDLE_THREAD_LIFE.toMillis(), TimeUnit.MILLISECONDS);
      timers.allowCoreThreadTimeOut(true); // the thread ends once no timer is queued
    }
  }

  private static Field field(Class<?> type) {
    try {
      var found = ContainerMembers.field(type, FIELD);
      return ScheduledExecutorService.class.isAssignableFrom(found.getType()) ? found : null;
    } catch (NoSuchFieldException | RuntimeException e) {
      return null; // another container, or one that will not open the field
    }
  }
}
