package org.codeshare.testing;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * S3 API (s3proxy) on 127.0.0.1 with AWS v2/v4 signatures over an in-memory blob store. The store
 * outlives {@code stopS3()/startS3()}, so objects survive a restart.
 */
final class S3Server implements ManagedServer {
  static final String ACCESS_KEY = "codeshare";
  static final String SECRET_KEY = "codeshare-secret";
  static final String BUCKET = "codeshare";
  static final String REGION = "us-east-1";

  private final int port;
  private final BlobStore store = new TransientNio2BlobStore();
  private S3Proxy proxy;

  S3Server(int port) {
    this.port = port;
  }

  @Override
  public String name() {
    return "s3";
  }

  @Override
  public int port() {
    return port;
  }

  String endpoint() {
    return "http://" + Ports.HOST + ":" + port;
  }

  @Override
  public synchronized void start() throws Exception {
    if (proxy != null) {
      return;
    }
    S3Proxy started =
        S3Proxy.builder()
            .blobStore(store)
            .endpoint(URI.create(endpoint()))
            .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    started.start();
    proxy = started;
    if (!store.containerExists(BUCKET)) {
      store.createContainer(BUCKET);
    }
  }

  @Override
  public synchronized void stop() throws Exception {
    if (proxy != null) {
      try {
        proxy.stop();
      } finally {
        proxy = null;
      }
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return proxy != null;
  }
}
