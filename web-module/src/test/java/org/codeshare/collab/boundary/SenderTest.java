package org.codeshare.collab.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.codeshare.collab.entity.SharedMessage;
import org.junit.jupiter.api.Test;

/** The socket's outgoing queue, against a container endpoint that completes sends when told. */
class SenderTest {

  /** What the container was asked to send, and the completions it still owes. */
  static final class Container {
    final List<String> sent = new ArrayList<>();
    final List<SendHandler> pending = new ArrayList<>();
    RuntimeException refuse;
    boolean completeAtOnce;

    RemoteEndpoint.Async remote() {
      return (RemoteEndpoint.Async)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {RemoteEndpoint.Async.class},
              (proxy, method, args) -> {
                if (!method.getName().equals("sendText") || args.length != 2) {
                  throw new UnsupportedOperationException(method.getName());
                }
                if (refuse != null) {
                  throw refuse;
                }
                sent.add((String) args[0]);
                var handler = (SendHandler) args[1];
                if (completeAtOnce) {
                  handler.onResult(new SendResult());
                } else {
                  pending.add(handler);
                }
                return null;
              });
    }

    void complete(SendResult result) {
      pending.remove(0).onResult(result);
    }
  }

  private final Container container = new Container();
  private final List<String> closes = new ArrayList<>();

  private Sender sender(int limit) {
    return new Sender(
        container.remote(),
        null, // no frame writer: sent as text
        null, // no writer threads: the caller writes
        limit,
        (code, reason) -> closes.add(code + " " + reason));
  }

  @Test
  void messagesGoOutOneAtATimeInOrder() {
    var sender = sender(10);
    sender.send(new SharedMessage("a"));
    sender.send(new SharedMessage("b"));
    sender.send(new SharedMessage("c"));
    assertThat(container.sent).containsExactly("a");
    container.complete(new SendResult());
    assertThat(container.sent).containsExactly("a", "b");
    container.complete(new SendResult());
    container.complete(new SendResult());
    assertThat(container.sent).containsExactly("a", "b", "c");
    assertThat(closes).isEmpty();
  }

  @Test
  void sendsThatCompleteAtOnceDoNotWaitForACallback() {
    container.completeAtOnce = true;
    var sender = sender(10);
    sender.send(new SharedMessage("a"));
    sender.send(new SharedMessage("b"));
    assertThat(container.sent).containsExactly("a", "b");
    assertThat(closes).isEmpty();
  }

  @Test
  void aClientThatFallsTooFarBehindIsClosedWithTheResyncCode() {
    var sender = sender(2);
    sender.send(new SharedMessage("a")); // on the wire, not completed
    sender.send(new SharedMessage("b"));
    sender.send(new SharedMessage("c"));
    sender.send(new SharedMessage("d")); // the queue holds two
    assertThat(closes).containsExactly("4000 too far behind: reconnect and pull");
    container.complete(new SendResult());
    sender.send(new SharedMessage("e"));
    assertThat(container.sent).containsExactly("a");
  }

  @Test
  void aSocketTheContainerCannotSendOnIsClosedNotLeftSilent() {
    container.refuse = new IllegalStateException("the connection is not open");
    var sender = sender(10);
    sender.send(new SharedMessage("hello"));
    sender.send(new SharedMessage("more"));
    assertThat(container.sent).isEmpty();
    assertThat(closes).containsExactly("4000 cannot send: reconnect and pull");
  }

  @Test
  void aFailedSendClosesTheSocketOnceAndDropsTheRest() {
    var sender = sender(10);
    sender.send(new SharedMessage("a"));
    sender.send(new SharedMessage("b"));
    container.complete(new SendResult(new IOException("broken pipe")));
    sender.send(new SharedMessage("c"));
    assertThat(container.sent).containsExactly("a");
    assertThat(container.pending).isEmpty();
    assertThat(closes).containsExactly("4000 cannot send: reconnect and pull");
  }

  /** Writer threads that run their tasks when told (codeshare.collab.writer-threads above 0). */
  private final List<Runnable> writerTasks = new ArrayList<>();

  private Sender senderWithWriters(java.util.concurrent.Executor writers) {
    return new Sender(
        container.remote(), null, writers, 10, (code, reason) -> closes.add(code + " " + reason));
  }

  @Test
  void withWriterThreadsTheCallerOnlyQueuesAndAWriterSendsInOrder() {
    var sender = senderWithWriters(writerTasks::add);
    sender.send(new SharedMessage("a"));
    sender.send(new SharedMessage("b"));
    assertThat(container.sent).isEmpty(); // the room's thread went on
    assertThat(writerTasks).hasSize(1); // one writer task per burst, not per frame

    writerTasks.remove(0).run();
    assertThat(container.sent).containsExactly("a");
    container.complete(new SendResult());
    assertThat(container.sent).containsExactly("a", "b");
    container.complete(new SendResult());

    sender.send(new SharedMessage("c"));
    assertThat(writerTasks).hasSize(1);
    writerTasks.remove(0).run();
    assertThat(container.sent).containsExactly("a", "b", "c");
    assertThat(closes).isEmpty();
  }

  @Test
  void writerThreadsThatStoppedLeaveTheSendToTheCaller() {
    var sender =
        senderWithWriters(
            task -> {
              throw new java.util.concurrent.RejectedExecutionException("stopping");
            });
    sender.send(new SharedMessage("a"));
    assertThat(container.sent).containsExactly("a");
    assertThat(closes).isEmpty();
  }
}
