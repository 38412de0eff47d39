package org.codeshare.collab.boundary;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.glassfish.tyrus.spi.WriterInfo;

/**
 * Writes frames encoded beforehand ({@link TextFrames}) straight to one socket's connection, as
 * Tyrus's own broadcast does ({@code TyrusWebSocket.sendRawFrame}): a room's frame is encoded once
 * and the same bytes go to all its sockets, where {@code sendText} encodes the text again for each
 * socket. Tyrus keeps that path to itself, so the connection's {@link Writer} is reached once per
 * socket through its private fields ({@code TyrusRemoteEndpoint.webSocket}, {@code
 * TyrusWebSocket.getProtocolHandler()}, {@code ProtocolHandler.writer}). Where that is not possible
 * (another container, another Tyrus, an extension negotiated on the socket that would have to
 * transform each frame), {@link #of} gives null and the socket is sent its text the standard way.
 *
 * <p>Where the connection allows it, the frame then skips Tyrus's writer and the server's stream
 * and goes straight to the connection's write queue ({@link ConnectionWrites}); else through
 * Tyrus's writer.
 *
 * <p>Unlike {@code sendText}, a frame written here does not re-arm the container's idle timer for
 * the socket; that timer is only a safety net behind {@link EditorSessions}, which closes the
 * sockets it has heard nothing from.
 */
final class TyrusFrames {

  private static final Logger LOG = Logger.getLogger(TyrusFrames.class.getName());
  private static final WriterInfo TEXT =
      new WriterInfo(WriterInfo.MessageType.TEXT, WriterInfo.RemoteEndpointType.ASYNC);
  private static volatile boolean logged;
  private static volatile boolean loggedDirect;

  private final Session session;
  private final Writer writer;
  private final ConnectionWrites direct;

  /**
   * @param direct the way straight to the socket's connection, or null: frames go through {@code
   *     writer}
   */
  TyrusFrames(Session session, Writer writer, ConnectionWrites direct) {
    this.session = session;
    this.writer = writer;
    this.direct = direct;
  }

  /** The way to write frames to this socket's connection; null when there is none. */
  static TyrusFrames of(Session session) {
    if (!session.getNegotiatedExtensions().isEmpty()) {
      return null;
    }
    try {
      var remote = session.getAsyncRemote();
      var webSocket = ContainerMembers.field(remote.getClass(), "webSocket").get(remote);
      var handler =
          ContainerMembers.method(webSocket.getClass(), "getProtocolHandler").invoke(webSocket);
      var writer = ContainerMembers.field(handler.getClass(), "writer").get(handler);
      if (!(writer instanceof Writer w)) {
        return unavailable(null);
      }
      if (!logged) {
        logged = true;
        LOG.info("editor frames are encoded once and written to every socket that gets them");
      }
      CopyBuffers.shrink(writer);
      return new TyrusFrames(session, w, direct(writer));
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      return unavailable(e);
    }
  }

  /**
   * Writes a whole frame; {@code done} hears when it is written or has failed, on this thread if
   * the connection took it at once, later on the container's thread if it had to wait.
   */
  void write(byte[] frame, SendHandler done) {
    if (!session.isOpen()) {
      throw new IllegalStateException("the socket is closed");
    }
    if (direct != null) {
      direct.write(frame, done);
    } else {
      writer.write(ByteBuffer.wrap(frame), new Completion(done), TEXT);
    }
  }

  private static ConnectionWrites direct(Object writer) {
    ConnectionWrites direct = null;
    Throwable cause = null;
    try {
      direct = ConnectionWrites.of(writer);
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      cause = e;
    }
    if (!loggedDirect) {
      loggedDirect = true;
      if (direct != null) {
        LOG.info("editor frames are written straight to each socket's connection");
      } else {
        LOG.log(Level.INFO, "editor frames go through the server's output stream", cause);
      }
    }
    return direct;
  }

  private static TyrusFrames unavailable(Throwable cause) {
    if (!logged) {
      logged = true;
      LOG.log(Level.INFO, "editor frames are encoded once per socket: no raw frame writer", cause);
    }
    return null;
  }

  /** The connection's completion, told to the {@link SendHandler} as {@code sendText} tells it. */
  private static final class Completion extends CompletionHandler<ByteBuffer> {

    private final SendHandler done;

    Completion(SendHandler done) {
      this.done = done;
    }

    @Override
    public void completed(ByteBuffer result) {
      done.onResult(new SendResult());
    }

    @Override
    public void failed(Throwable cause) {
      done.onResult(new SendResult(cause));
    }

    @Override
    public void cancelled() {
      done.onResult(new SendResult(new CancellationException("the write was cancelled")));
    }
  }
}
