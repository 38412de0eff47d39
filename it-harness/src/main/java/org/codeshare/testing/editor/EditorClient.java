package org.codeshare.testing.editor;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.codeshare.collab.entity.JsonText;

/** A plain WebSocket client of {@code /ws/editor/{slug}}: sends JSON, queues what arrives. */
public final class EditorClient implements AutoCloseable {

  /**
   * How long a test waits for a message. Generous: the suites run the app servers and all the real
   * servers on two cores, where a burst of edits takes seconds to be committed and confirmed.
   */
  public static final Duration WAIT = Duration.ofSeconds(60);

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final LinkedBlockingQueue<JsonObject> inbox = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private volatile String closeReason = "";
  private final WebSocket socket;

  private EditorClient(URI uri, Map<String, String> headers) {
    var builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
    headers.forEach(builder::header);
    try {
      socket = builder.buildAsync(uri, new Listener()).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new CompletionException(e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A message of the editor protocol's version 1 of {@code type}, to be completed and built. */
  public static JsonObjectBuilder message(String type) {
    return Json.createObjectBuilder().add("v", 1).add("type", type);
  }

  public static URI uri(URI base, String slug, String ticket) {
    var ws = base.resolve("ws/editor/" + slug + (ticket == null ? "" : "?ticket=" + ticket));
    return URI.create(ws.toString().replaceFirst("^http", "ws"));
  }

  public static EditorClient open(URI uri) {
    return new EditorClient(uri, Map.of());
  }

  public static EditorClient open(URI uri, Map<String, String> headers) {
    return new EditorClient(uri, headers);
  }

  /** The HTTP status with which the server refused the upgrade; fails if it accepted it. */
  public static int refusal(URI uri, Map<String, String> headers) {
    try (var accepted = new EditorClient(uri, headers)) {
      throw new AssertionError("the handshake was accepted");
    } catch (CompletionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refused) {
        return refused.getResponse().statusCode();
      }
      throw e;
    }
  }

  public synchronized void send(String text) {
    socket.sendText(text, true).join();
  }

  public void send(JsonObject message) {
    send(JsonText.wellFormed(message.toString()));
  }

  /** The next message of this type; messages of other types before it are dropped. */
  public JsonObject next(String type) {
    return next(message -> type.equals(message.getString("type")), type);
  }

  public JsonObject next(Predicate<JsonObject> wanted, String description) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      var message = poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
      if (message == null) {
        throw new AssertionError(
            "no "
                + description
                + " within "
                + WAIT
                + (closeCode.isDone() ? "; the socket was closed with " + closeCode.join() : ""));
      }
      if (wanted.test(message)) {
        return message;
      }
    }
  }

  /** The next message, waiting at most {@code timeout}; null if none came. */
  public JsonObject poll(Duration timeout) {
    try {
      return inbox.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The close code the server sent; fails if the socket stays open. */
  public int awaitClose() {
    try {
      return closeCode.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException | ExecutionException | TimeoutException e) {
      throw new AssertionError("the server did not close the socket", e);
    }
  }

  /** The reason the server gave with its close frame; empty while open. */
  public String closeReason() {
    return closeReason;
  }

  public boolean isClosed() {
    return closeCode.isDone();
  }

  @Override
  public void close() {
    if (!closeCode.isDone()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
      try {
        closeCode.get(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        socket.abort();
      }
    }
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try (var reader = Json.createReader(new StringReader(partial.toString()))) {
          inbox.add(reader.readObject());
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeReason = reason;
      closeCode.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closeCode.complete(-1);
    }
  }
}
