package org.codeshare.collab.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.SendResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.Filter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.grizzly.ssl.SSLBaseFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Frames written straight to a connection, on a real Grizzly server transport read by a plain
 * socket: whole, in order, each completed once, also when the socket cannot take them at once and
 * they wait in the connection's queue; a closed connection reports the failure.
 */
class ConnectionWritesTest {

  private TCPNIOTransport transport;
  private final LinkedBlockingQueue<Connection<?>> accepted = new LinkedBlockingQueue<>();

  @AfterEach
  void stop() throws IOException {
    if (transport != null) {
      transport.shutdownNow();
    }
  }

  @Test
  void framesReachTheClientWholeAndInOrderEachCompletedOnce() throws Exception {
    int port = serve(new TransportFilter(), acceptor());
    try (var client = new Socket("127.0.0.1", port)) {
      var writes = ConnectionWrites.over(new Object(), serverSide());
      assertThat(writes).isNotNull();
      var frames = List.of(bytes(3, 'a'), bytes(200, 'b'), bytes(70_000, 'c'), bytes(1, 'd'));
      var results = new CopyOnWriteArrayList<SendResult>();
      var completed = new CountDownLatch(frames.size());
      for (var frame : frames) {
        writes.write(
            frame,
            result -> {
              results.add(result);
              completed.countDown();
            });
      }
      var expected = new ByteArrayOutputStream();
      for (var frame : frames) {
        expected.write(frame);
      }
      assertThat(read(client.getInputStream(), expected.size())).isEqualTo(expected.toByteArray());
      assertThat(completed.await(10, TimeUnit.SECONDS)).as("every write completed").isTrue();
      assertThat(results).hasSize(frames.size()).allMatch(SendResult::isOK);
    }
  }

  @Test
  void framesTheSocketCannotTakeAtOnceWaitAndKeepTheirOrder() throws Exception {
    int port = serve(new TransportFilter(), acceptor());
    try (var client = new Socket("127.0.0.1", port)) {
      client.setSoTimeout(20_000);
      var writes = ConnectionWrites.over(new Object(), serverSide());
      int count = 800;
      var completed = new CountDownLatch(count);
      var results = new CopyOnWriteArrayList<SendResult>();
      var expected = new ByteArrayOutputStream();
      for (int i = 0; i < count; i++) { // 32 MB while the client reads nothing: most must wait
        var frame = bytes(40_000, (char) ('A' + i % 26));
        frame[0] = (byte) (i >> 8);
        frame[1] = (byte) i;
        expected.write(frame);
        writes.write(
            frame,
            result -> {
              results.add(result);
              completed.countDown();
            });
      }
      assertThat(completed.getCount()).as("writes still waiting for the socket").isPositive();
      assertThat(read(client.getInputStream(), expected.size())).isEqualTo(expected.toByteArray());
      assertThat(completed.await(10, TimeUnit.SECONDS)).as("every write completed").isTrue();
      assertThat(results).hasSize(count).allMatch(SendResult::isOK);

      var after = new CountDownLatch(2); // the queue is empty again: written at once
      writes.write(bytes(5, 'y'), result -> after.countDown());
      writes.write(bytes(7, 'z'), result -> after.countDown());
      assertThat(read(client.getInputStream(), 12)).isEqualTo("yyyyyzzzzzzz".getBytes());
      assertThat(after.await(10, TimeUnit.SECONDS)).as("both writes completed").isTrue();
    }
  }

  @Test
  void aWriteToAClosedConnectionReportsTheFailure() throws Exception {
    int port = serve(new TransportFilter(), acceptor());
    try (var client = new Socket("127.0.0.1", port)) {
      var connection = serverSide();
      var writes = ConnectionWrites.over(new Object(), connection);
      connection.closeSilently();
      var result = new CompletableFuture<SendResult>();
      writes.write(bytes(10, 'x'), result::complete);
      assertThat(result.get(10, TimeUnit.SECONDS).isOK()).as("the write succeeded").isFalse();
    }
  }

  @Test
  void aConnectionThatEncryptsIsNotWrittenStraight() throws Exception {
    int port = serve(new TransportFilter(), new SSLBaseFilter(), acceptor());
    try (var client = new Socket("127.0.0.1", port)) {
      assertThat(ConnectionWrites.over(new Object(), serverSide())).isNull();
    }
  }

  private Filter acceptor() {
    return new BaseFilter() {
      @Override
      public NextAction handleAccept(FilterChainContext ctx) {
        accepted.add(ctx.getConnection());
        return ctx.getStopAction();
      }
    };
  }

  private int serve(Filter... filters) throws IOException {
    transport = TCPNIOTransportBuilder.newInstance().build();
    transport.setProcessor(FilterChainBuilder.stateless().addAll(filters).build());
    var server = transport.bind(new InetSocketAddress("127.0.0.1", 0));
    transport.start();
    return ((InetSocketAddress) server.getLocalAddress()).getPort();
  }

  @SuppressWarnings("unchecked")
  private Connection<SocketAddress> serverSide() throws InterruptedException {
    var connection = accepted.poll(10, TimeUnit.SECONDS);
    assertThat(connection).as("the server accepted the client").isNotNull();
    return (Connection<SocketAddress>) connection;
  }

  private static byte[] bytes(int length, char fill) {
    var bytes = new byte[length];
    Arrays.fill(bytes, (byte) fill);
    return bytes;
  }

  private static byte[] read(InputStream in, int length) throws IOException {
    var bytes = in.readNBytes(length);
    assertThat(bytes).as("bytes the client read").hasSize(length);
    return bytes;
  }
}
