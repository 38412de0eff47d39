package org.codeshare.collab.boundary;

import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;

/**
 * The WebSocket container's private fields and methods, looked up on a class or its superclasses
 * and made accessible: how {@link SocketTimers}, {@link TyrusFrames}, {@link CopyBuffers} and
 * {@link ConnectionWrites} reach what Tyrus and Grizzly keep to themselves. Each caller falls back
 * when a member is missing.
 */
final class ContainerMembers {

  private ContainerMembers() {}

  /**
   * The Grizzly output buffer a socket's Tyrus servlet writer ends up in: {@code
   * TyrusServletWriter.tyrusHttpUpgradeHandler} → its {@code WebConnection}'s stream → {@code
   * CoyoteOutputStream.ob} → {@code grizzlyOutputBuffer}.
   */
  static Object grizzlyOutputBuffer(Object tyrusWriter)
      throws ReflectiveOperationException, IOException {
    var handler = field(tyrusWriter.getClass(), "tyrusHttpUpgradeHandler").get(tyrusWriter);
    var getConnection = method(handler.getClass(), "getWebConnection");
    var stream = ((WebConnection) getConnection.invoke(handler)).getOutputStream();
    var servletBuffer = field(stream.getClass(), "ob").get(stream);
    return field(servletBuffer.getClass(), "grizzlyOutputBuffer").get(servletBuffer);
  }

  static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (var c = type; c != null; c = c.getSuperclass()) {
      try {
        var field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look further up
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }

  static Method method(Class<?> type, String name) throws NoSuchMethodException {
    for (var c = type; c != null; c = c.getSuperclass()) {
      try {
        var method = c.getDeclaredMethod(name);
        method.setAccessible(true);
        return method;
      } catch (NoSuchMethodException e) {
        // look further up
      }
    }
    throw new NoSuchMethodException(type.getName() + "." + name + "()");
  }
}
