package org.codeshare.it.browser;

import java.net.URI;
import java.util.Map;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.RealServersExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts the real servers and, once per test run, {@code codeshare.war} on Payara Micro (a free
 * port, the servers' addresses from the environment the build sets); injects the app's {@link
 * BrowserTests} runner. The node is stopped when the run ends.
 */
public final class BrowserAppExtension implements BeforeAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(BrowserAppExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    base(context);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == BrowserTests.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return BrowserTests.against(base(context));
  }

  private static URI base(ExtensionContext context) {
    RealServersExtension.servers(context);
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            MicroNode.class, key -> new Node(MicroNode.start(Map.of())), Node.class)
        .node()
        .base();
  }

  /** Closed by JUnit when the run ends, after the tests that used it. */
  @SuppressWarnings("deprecation")
  private record Node(MicroNode node)
      implements ExtensionContext.Store.CloseableResource, AutoCloseable {
    @Override
    public void close() {
      node.close();
    }
  }
}
