package org.codeshare.collab.control;

import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** An outlet that keeps what it is sent, for a test to wait on. */
class RecordingOutlet implements Outlet {

  private static final JsonProvider JSON = JsonProvider.provider();

  final LinkedBlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  volatile int closedWith;

  @Override
  public void send(String message) {
    try (var reader = JSON.createReader(new StringReader(message))) {
      messages.add(reader.readObject());
    }
  }

  @Override
  public void close(int code, String reason) {
    closedWith = code;
  }

  /** The next message of {@code type}, skipping others; fails after five seconds. */
  JsonObject next(String type) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    try {
      while (true) {
        var message = messages.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (message == null) {
          throw new AssertionError("no " + type + " message");
        }
        if (type.equals(message.getString("type"))) {
          return message;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * The next {@code count} accepted updates after version {@code from}, however they are batched
   * into {@code updates} messages; fails if a message does not continue where the last one ended.
   */
  java.util.List<JsonObject> updates(long from, int count) {
    var updates = new java.util.ArrayList<JsonObject>();
    while (updates.size() < count) {
      var message = next("updates");
      if (message.getJsonNumber("from").longValue() != from + updates.size()) {
        throw new AssertionError(
            "expected updates from " + (from + updates.size()) + ": " + message);
      }
      updates.addAll(message.getJsonArray("updates").getValuesAs(JsonObject.class));
    }
    return updates;
  }
}
