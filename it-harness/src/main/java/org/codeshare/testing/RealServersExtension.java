package org.codeshare.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JUnit 5 extension: starts {@link RealServers} once per test run (kept in the root store, stopped
 * when the run ends) and injects it into test constructors and methods.
 *
 * <pre>{@code
 * @ExtendWith(RealServersExtension.class)
 * class MyIT {
 *   MyIT(RealServers servers) { ... }
 * }
 * }</pre>
 */
public final class RealServersExtension implements BeforeAllCallback, ParameterResolver {
  private static final Logger LOG = LoggerFactory.getLogger(RealServersExtension.class);
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(RealServersExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    servers(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RealServers.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return servers(context);
  }

  /** The run-wide {@link RealServers}, started on first use. */
  public static RealServers servers(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(RealServers.class, key -> new Resource(startLogged()), Resource.class)
        .servers();
  }

  private static RealServers startLogged() {
    long begin = System.nanoTime();
    RealServers servers = RealServers.start();
    LOG.info(
        "Real servers started in {} ms: {}",
        (System.nanoTime() - begin) / 1_000_000,
        servers.appEnvironment());
    requireAppEnvironmentMatches(servers);
    return servers;
  }

  /**
   * The app server under test inherits this JVM's environment, set by the build from the same
   * reserved ports; a mismatch would silently test against the wrong servers.
   */
  private static void requireAppEnvironmentMatches(RealServers servers) {
    servers
        .appEnvironment()
        .forEach(
            (name, expected) -> {
              var actual = System.getenv(name);
              if (actual != null && !actual.equals(expected)) {
                servers.close();
                throw new IllegalStateException(
                    name + " is " + actual + " but the harness serves " + expected);
              }
            });
  }

  /**
   * Closed by JUnit when the root context ends (AutoCloseable on 5.13+, CloseableResource before).
   */
  @SuppressWarnings("deprecation")
  private record Resource(RealServers servers)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      servers.close();
    }
  }
}
