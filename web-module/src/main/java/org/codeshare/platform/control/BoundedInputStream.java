package org.codeshare.platform.control;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads at most {@code maxBytes}; one byte more fails the read and marks the stream exceeded. */
public final class BoundedInputStream extends FilterInputStream {

  private final long maxBytes;
  private long count;
  private volatile boolean exceeded;

  public BoundedInputStream(InputStream in, long maxBytes) {
    super(in);
    this.maxBytes = maxBytes;
  }

  public boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    var value = super.read();
    if (value >= 0) {
      counted(1);
    }
    return value;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    var read = super.read(buffer, offset, length);
    if (read > 0) {
      counted(read);
    }
    return read;
  }

  @Override
  public long skip(long n) throws IOException {
    var skipped = super.skip(n);
    counted(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void counted(long bytes) throws IOException {
    count += bytes;
    if (count > maxBytes) {
      exceeded = true;
      throw new IOException("request body exceeds " + maxBytes + " bytes");
    }
  }
}
