package org.codeshare.collab.boundary;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shrinks the buffer the server copies an editor socket's frames into. Grizzly (Payara's HTTP
 * layer) copies a frame that fits the connection's output buffer size into a buffer of that size
 * allocated for the write, and writes a longer one straight from the frame's own bytes. The size is
 * 8 KB, set by the servlet layer, which lets an application grow it but not shrink it; on the
 * threads a room writes from, every frame cost a new 8 KB array, most of what a busy node
 * allocated. Set here to {@link #BYTES} through the connection's private fields ({@link
 * ContainerMembers#grizzlyOutputBuffer}, then {@code bufferSize}), once per socket; where that is
 * not possible nothing changes. Frames written by {@link ConnectionWrites} do not pass that buffer;
 * what Tyrus still writes itself (pongs, closes, the text of a socket without that path) does.
 */
final class CopyBuffers {

  /** The smallest size Grizzly's own {@code setBufferSize} accepts. */
  static final int BYTES = 512;

  private static final Logger LOG = Logger.getLogger(CopyBuffers.class.getName());
  private static volatile boolean logged;

  private CopyBuffers() {}

  /** Shrinks the copy buffer of the connection {@code writer} (Tyrus's) writes to. */
  static void shrink(Object writer) {
    try {
      var buffer = ContainerMembers.grizzlyOutputBuffer(writer);
      var size = ContainerMembers.field(buffer.getClass(), "bufferSize");
      synchronized (writer) { // the writer writes under this lock: the next write sees the size
        if (size.getInt(buffer) > BYTES) {
          size.setInt(buffer, BYTES);
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | java.io.IOException e) {
      if (!logged) {
        logged = true;
        LOG.log(Level.INFO, "editor sockets keep the server's copy buffer size", e);
      }
    }
  }
}
