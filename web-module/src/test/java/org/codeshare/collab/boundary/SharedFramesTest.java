package org.codeshare.collab.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.codeshare.collab.entity.SharedMessage;
import org.glassfish.tyrus.spi.CompletionHandler;
import org.glassfish.tyrus.spi.Writer;
import org.junit.jupiter.api.Test;

/**
 * A message sent to many sockets is encoded into one frame, and the same bytes are written to each
 * socket's connection (a fake of the container's {@link Writer}).
 */
class SharedFramesTest {

  /** One socket's connection: the frames written to it and the completions it still owes. */
  static final class Connection extends Writer {
    final List<ByteBuffer> written = new ArrayList<>();
    final List<CompletionHandler<ByteBuffer>> pending = new ArrayList<>();
    boolean open = true;
    boolean completeAtOnce = true;

    @Override
    public void write(ByteBuffer buffer, CompletionHandler<ByteBuffer> handler) {
      written.add(buffer);
      if (completeAtOnce) {
        handler.completed(buffer);
      } else {
        pending.add(handler);
      }
    }

    @Override
    public void close() {}

    Session session() {
      return (Session)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Session.class},
              (proxy, method, args) -> {
                if (!method.getName().equals("isOpen")) {
                  throw new UnsupportedOperationException(method.getName());
                }
                return open;
              });
    }

    List<String> texts() {
      return written.stream().map(SharedFramesTest::text).toList();
    }
  }

  private final List<String> closes = new ArrayList<>();
  private final SenderTest.Container textContainer = new SenderTest.Container();

  private Sender sender(Connection connection) {
    return new Sender(
        textContainer.remote(),
        new TyrusFrames(connection.session(), connection, null),
        null,
        10,
        (code, reason) -> closes.add(code + " " + reason));
  }

  @Test
  void aMessageForManySocketsIsEncodedOnceAndTheSameBytesGoToEach() {
    var connections = List.of(new Connection(), new Connection(), new Connection());
    var senders = connections.stream().map(this::sender).toList();
    var message = new SharedMessage("{\"t\":\"updates\",\"text\":\"héllo 😀\"}");

    senders.forEach(s -> s.send(message));

    var arrays = connections.stream().map(c -> c.written.get(0).array()).distinct().toList();
    assertThat(arrays).hasSize(1); // one encoding, not one per socket
    connections.forEach(c -> assertThat(c.texts()).containsExactly(message.text()));
    assertThat(textContainer.sent).isEmpty();
    assertThat(closes).isEmpty();
  }

  @Test
  void framesGoOutOneAtATimeAndInOrderWhenTheConnectionCompletesLater() {
    var connection = new Connection();
    connection.completeAtOnce = false;
    var sender = sender(connection);
    sender.send(new SharedMessage("a"));
    sender.send(new SharedMessage("b"));
    assertThat(connection.texts()).containsExactly("a");
    connection.pending.remove(0).completed(null);
    assertThat(connection.texts()).containsExactly("a", "b");
    assertThat(closes).isEmpty();
  }

  @Test
  void aFailedWriteClosesTheSocketWithTheResyncCode() {
    var connection = new Connection();
    connection.completeAtOnce = false;
    var sender = sender(connection);
    sender.send(new SharedMessage("a"));
    sender.send(new SharedMessage("b"));
    connection.pending.remove(0).failed(new IOException("broken pipe"));
    assertThat(connection.texts()).containsExactly("a");
    assertThat(closes).containsExactly("4000 cannot send: reconnect and pull");
  }

  @Test
  void aClosedSocketIsNotWrittenTo() {
    var connection = new Connection();
    connection.open = false;
    sender(connection).send(new SharedMessage("a"));
    assertThat(connection.written).isEmpty();
    assertThat(closes).containsExactly("4000 cannot send: reconnect and pull");
  }

  @Test
  void textUtf8CannotCarryIsSentAsTextForTheContainerToRefuse() {
    var connection = new Connection();
    textContainer.completeAtOnce = true;
    var lone = "{\"text\":\"\uD83D\"}";
    sender(connection).send(new SharedMessage(lone));
    assertThat(connection.written).isEmpty();
    assertThat(textContainer.sent).containsExactly(lone);
  }

  @Test
  void framesCarryTheirLengthInSevenSixteenOrSixtyFourBits() {
    for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 200_000}) {
      var text = "x".repeat(length);
      var frame = TextFrames.of(text);
      assertThat(frame[0] & 0xFF).isEqualTo(0x81); // final, text, from the server: not masked
      int header = length < 126 ? 2 : length <= 65_535 ? 4 : 10;
      assertThat(frame).hasSize(header + length);
      assertThat(text(ByteBuffer.wrap(frame))).isEqualTo(text);
    }
    var multiByte = "é😀".repeat(30); // 30 × (2 + 4) bytes: the length counts bytes, not chars
    assertThat(TextFrames.of(multiByte)).hasSize(4 + 180);
    assertThat(text(ByteBuffer.wrap(TextFrames.of(multiByte)))).isEqualTo(multiByte);
    assertThat(TextFrames.of("a\uDC00b")).isNull();
  }

  /** Reads a server's text frame back, as a client does. */
  static String text(ByteBuffer frame) {
    var bytes = frame.duplicate();
    assertThat(bytes.get() & 0xFF).isEqualTo(0x81);
    int first = bytes.get() & 0xFF;
    assertThat(first & 0x80).isZero();
    long length = first & 0x7F;
    if (length == 126) {
      length = bytes.getShort() & 0xFFFF;
    } else if (length == 127) {
      length = bytes.getLong();
    }
    assertThat(bytes.remaining()).isEqualTo(length);
    var payload = new byte[bytes.remaining()];
    bytes.get(payload);
    return new String(payload, StandardCharsets.UTF_8);
  }
}
