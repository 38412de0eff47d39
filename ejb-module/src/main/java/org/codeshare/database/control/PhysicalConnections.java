package org.codeshare.database.control;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the physical database connections the application's pool holds open. The pool creates
 * {@link ConfiguredDataSource} itself, outside CDI, so the counts are process-wide; {@code
 * DatabaseMetrics} exposes them. Payara's own pool metrics do not cover application-defined pools.
 */
public final class PhysicalConnections {

  private static final AtomicLong OPEN = new AtomicLong();
  private static final AtomicLong FAILURES = new AtomicLong();

  private PhysicalConnections() {}

  public static long open() {
    return OPEN.get();
  }

  public static long failures() {
    return FAILURES.get();
  }

  static void failed() {
    FAILURES.incrementAndGet();
  }

  /** The connection, counted until its first {@code close()}. */
  static Connection counted(Connection connection) {
    OPEN.incrementAndGet();
    var closed = new AtomicBoolean();
    InvocationHandler handler =
        (Object proxy, Method method, Object[] args) -> {
          if (method.getName().equals("close")
              && method.getParameterCount() == 0
              && closed.compareAndSet(false, true)) {
            OPEN.decrementAndGet();
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        };
    return (Connection)
        Proxy.newProxyInstance(
            PhysicalConnections.class.getClassLoader(), new Class<?>[] {Connection.class}, handler);
  }
}
