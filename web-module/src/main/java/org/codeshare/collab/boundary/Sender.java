package org.codeshare.collab.boundary;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.entity.SharedMessage;

/**
 * One socket's outgoing messages: sent asynchronously one after the other, in order, from a queue
 * of at most {@code limit} messages, by the {@link SocketWriters} threads if there are any (the
 * caller only queues), else by the caller. A client that lets the queue fill up is not waited for:
 * the queue is dropped and the socket closed with a resync code. So is a socket the container
 * cannot send on: a client is never left open with messages it will not get. A message goes out as
 * the frame it shares with the other sockets it is sent to ({@link TyrusFrames}) where the
 * container allows that, else as text.
 */
final class Sender {

  /** Closes the socket. */
  interface Closer {
    void close(int code, String reason);
  }

  private static final Logger LOG = Logger.getLogger(Sender.class.getName());

  /**
   * The context class loader while a frame is handed to the container. Tyrus (2.1.5 in Payara 6)
   * re-arms the session's idle timer on every frame, and each schedule on Payara's managed executor
   * captures the thread's context, looking up {@code ThreadContextProvider}s with a {@code
   * ServiceLoader} over the context class loader: over the application's, that scans every jar of
   * the WAR, once per frame and recipient (over a third of the node's CPU in a busy room). The idle
   * timer needs none of the application's classes.
   */
  private static final ClassLoader SENDING_LOADER = ClassLoader.getPlatformClassLoader();

  private final RemoteEndpoint.Async remote;
  private final TyrusFrames frames;
  private final Executor writers;
  private final int limit;
  private final Closer closer;
  private final ArrayDeque<SharedMessage> queue = new ArrayDeque<>();
  private boolean sending;
  private boolean stopped;

  /** One message on the wire; tells whether its completion came before the send returned. */
  private static final class InFlight {
    boolean done;
    boolean handedOff;
  }

  /**
   * @param frames where encoded frames are written, or null: messages are sent as text
   * @param writers the {@link SocketWriters} threads, or null: the caller writes
   */
  Sender(
      RemoteEndpoint.Async remote, TyrusFrames frames, Executor writers, int limit, Closer closer) {
    this.remote = remote;
    this.frames = frames;
    this.writers = writers;
    this.limit = limit;
    this.closer = closer;
  }

  void send(SharedMessage message) {
    boolean overflowed;
    synchronized (this) {
      if (stopped) {
        return;
      }
      overflowed = queue.size() >= limit;
      if (overflowed) {
        stop();
      } else {
        queue.addLast(message);
        if (sending) {
          return;
        }
        sending = true;
      }
    }
    if (overflowed) {
      closer.close(CloseCodes.RESYNC, "too far behind: reconnect and pull");
    } else if (!handedToWriter()) {
      pump(); // no writer threads, or the node is stopping: write here
    }
  }

  private boolean handedToWriter() {
    if (writers == null) {
      return false;
    }
    try {
      writers.execute(this::pump);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  synchronized void stop() {
    stopped = true;
    queue.clear();
  }

  /** The container could not send: the client reconnects and pulls what it missed. */
  private void fail() {
    boolean first;
    synchronized (this) {
      first = !stopped;
      stop();
    }
    if (first) {
      closer.close(CloseCodes.RESYNC, "cannot send: reconnect and pull");
    }
  }

  /** Sends until the queue is empty or a send completes later, whose callback then carries on. */
  private void pump() {
    while (true) {
      SharedMessage next;
      synchronized (this) {
        next = stopped ? null : queue.pollFirst();
        if (next == null) {
          sending = false;
          return;
        }
      }
      var flight = new InFlight();
      var thread = Thread.currentThread();
      var loader = thread.getContextClassLoader();
      thread.setContextClassLoader(SENDING_LOADER);
      try {
        SendHandler done = result -> completed(flight, result);
        byte[] frame = frames == null ? null : next.wire(TextFrames::of);
        if (frame != null) {
          frames.write(frame, done);
        } else {
          remote.sendText(next.text(), done);
        }
      } catch (RuntimeException e) {
        // Mostly a socket closed meanwhile; the container may also close one as it opens
        LOG.log(Level.FINE, "cannot send on an editor socket: closing it", e);
        fail();
        continue;
      } finally {
        thread.setContextClassLoader(loader);
      }
      synchronized (flight) {
        if (!flight.done) {
          flight.handedOff = true;
          return;
        }
      }
    }
  }

  private void completed(InFlight flight, SendResult result) {
    if (!result.isOK()) {
      LOG.log(Level.FINE, "a send on an editor socket failed: closing it", result.getException());
      fail();
    }
    boolean resume;
    synchronized (flight) {
      flight.done = true;
      resume = flight.handedOff;
    }
    if (resume) {
      pump();
    }
  }
}
