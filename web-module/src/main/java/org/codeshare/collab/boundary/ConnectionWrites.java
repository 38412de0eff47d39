package org.codeshare.collab.boundary;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.concurrent.CancellationException;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.Writer;
import org.glassfish.grizzly.asyncqueue.TaskQueue;
import org.glassfish.grizzly.asyncqueue.WritableMessage;
import org.glassfish.grizzly.filterchain.FilterChain;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.nio.NIOConnection;
import org.glassfish.grizzly.nio.NIOTransport;
import org.glassfish.grizzly.ssl.SSLBaseFilter;

/**
 * Writes a socket's encoded frames straight to its Grizzly connection's write queue, the queue
 * every write to that connection ends in. Tyrus's own writer takes each frame through the servlet
 * layer's output stream and buffers and then through the connection's filter chain (HTTP codec,
 * idle timer, probes) to the same queue: most of the CPU a busy node spent per frame and socket,
 * for bytes none of those layers change on an upgraded plain connection. A connection whose chain
 * encrypts (TLS) or is not a plain filter chain is not written this way ({@link #of} gives null).
 *
 * <p>Frames are written under the Tyrus writer's lock, the one Tyrus holds while it writes a frame
 * of its own (a pong, a close) through the stream, so that such a frame and an editor frame are
 * queued one after the other, never interleaved. When the queue holds nothing (no byte of an
 * earlier write still waits for the socket) the frame is written to the socket's channel itself:
 * every other writer of the connection holds the same lock, so nothing can be queued meanwhile, and
 * the queue's own bookkeeping per write (its record, its reentrance counter, the container's write
 * probes) cost more than the system call. What the socket does not take at once goes to the queue,
 * which writes it when the socket can take more and keeps the frames after it in order behind it. A
 * frame written at once completes on the caller's thread; one that had to wait completes on the
 * container's thread when it is written.
 */
final class ConnectionWrites {

  private static final SendResult WRITTEN = new SendResult();

  private final Object lock;
  private final Connection<SocketAddress> connection;
  private final Writer<SocketAddress> queue;
  private final WritableByteChannel channel;
  private final TaskQueue<?> waiting;

  private ConnectionWrites(
      Object lock,
      Connection<SocketAddress> connection,
      Writer<SocketAddress> queue,
      WritableByteChannel channel,
      TaskQueue<?> waiting) {
    this.lock = lock;
    this.connection = connection;
    this.queue = queue;
    this.channel = channel;
    this.waiting = waiting;
  }

  /**
   * The way to the connection that Tyrus's {@code writer} writes to; null when there is none (not
   * Grizzly, not a plain filter chain, TLS).
   */
  @SuppressWarnings("unchecked")
  static ConnectionWrites of(Object writer) throws ReflectiveOperationException {
    Object buffer;
    try {
      buffer = ContainerMembers.grizzlyOutputBuffer(writer);
    } catch (java.io.IOException e) {
      return null;
    }
    var found = ContainerMembers.field(buffer.getClass(), "connection").get(buffer);
    if (!(found instanceof Connection<?> connection)) {
      return null;
    }
    return over(writer, (Connection<SocketAddress>) connection);
  }

  /** The way to {@code connection}, written under {@code lock}; null when it may not be used. */
  @SuppressWarnings("unchecked")
  static ConnectionWrites over(Object lock, Connection<SocketAddress> connection) {
    if (!(connection.getProcessor() instanceof FilterChain chain)
        || chain.stream().anyMatch(SSLBaseFilter.class::isInstance)
        || !(connection.getTransport() instanceof NIOTransport transport)) {
      return null;
    }
    var queue = (Writer<SocketAddress>) transport.getAsyncQueueIO().getWriter();
    if (connection instanceof NIOConnection nio
        && nio.getChannel() instanceof WritableByteChannel channel
        && nio.getAsyncWriteQueue() != null) {
      return new ConnectionWrites(lock, connection, queue, channel, nio.getAsyncWriteQueue());
    }
    return new ConnectionWrites(lock, connection, queue, null, null);
  }

  /** Writes a whole frame; {@code done} hears when it is written or has failed. */
  void write(byte[] frame, SendHandler done) {
    synchronized (lock) {
      int written = 0;
      if (channel != null && waiting.spaceInBytes() == 0) {
        if (!connection.isOpen()) {
          done.onResult(new SendResult(new IOException("the connection is closed")));
          return;
        }
        try {
          written = channel.write(ByteBuffer.wrap(frame));
        } catch (IOException e) {
          done.onResult(new SendResult(e));
          return;
        }
        if (written == frame.length) {
          done.onResult(WRITTEN);
          return;
        }
      }
      var rest =
          Buffers.wrap(connection.getMemoryManager(), frame, written, frame.length - written);
      queue.write(connection, rest, new Completion(done));
    }
  }

  /** The queue's completion, told to the {@link SendHandler} as {@code sendText} tells it. */
  private static final class Completion
      implements CompletionHandler<WriteResult<WritableMessage, SocketAddress>> {

    private final SendHandler done;

    Completion(SendHandler done) {
      this.done = done;
    }

    @Override
    public void completed(WriteResult<WritableMessage, SocketAddress> result) {
      done.onResult(WRITTEN);
    }

    @Override
    public void failed(Throwable cause) {
      done.onResult(new SendResult(cause));
    }

    @Override
    public void cancelled() {
      done.onResult(new SendResult(new CancellationException("the write was cancelled")));
    }

    @Override
    public void updated(WriteResult<WritableMessage, SocketAddress> result) {
      // partly written: the rest follows
    }
  }
}
