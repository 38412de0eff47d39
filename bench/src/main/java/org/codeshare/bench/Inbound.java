package org.codeshare.bench;

import jakarta.json.JsonArray;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * A message from the editor endpoint, read with a streaming parser: only what an author acts on
 * ({@code hello}'s version and text, the {@code updates}, an {@code error}'s code, a relayed
 * cursor's first range).
 */
record Inbound(
    String type,
    String code,
    long from,
    long version,
    String doc,
    List<String> clients,
    List<JsonArray> changes,
    long anchor,
    long head) {

  /** Looked up once: {@code Json.createParser} and the like look the provider up on every call. */
  static final JsonProvider JSON = JsonProvider.provider();

  static Inbound parse(String message) {
    String type = null;
    String code = null;
    long from = -1;
    long version = -1;
    String doc = null;
    var clients = new ArrayList<String>();
    var changes = new ArrayList<JsonArray>();
    long anchor = -1;
    long head = -1;
    try (var p = JSON.createParser(new StringReader(message))) {
      p.next();
      while (p.hasNext()) {
        if (p.next() != JsonParser.Event.KEY_NAME) {
          continue;
        }
        switch (p.getString()) {
          case "type" -> type = nextString(p);
          case "from" -> from = nextLong(p);
          case "version" -> version = nextLong(p);
          case "doc" -> doc = nextString(p);
          case "code" -> code = nextString(p);
          case "updates" -> readUpdates(p, clients, changes);
          case "ranges" -> {
            p.next(); // [
            if (p.next() == JsonParser.Event.START_OBJECT) {
              var range = p.getObject();
              anchor = range.getJsonNumber("anchor").longValue();
              head = range.getJsonNumber("head").longValue();
              p.skipArray();
            }
          }
          default -> skipValue(p);
        }
      }
    }
    return new Inbound(type, code, from, version, doc, clients, changes, anchor, head);
  }

  private static String nextString(JsonParser p) {
    p.next();
    return p.getString();
  }

  private static long nextLong(JsonParser p) {
    p.next();
    return p.getLong();
  }

  private static void readUpdates(JsonParser p, List<String> clients, List<JsonArray> changes) {
    p.next(); // [
    while (p.next() == JsonParser.Event.START_OBJECT) {
      while (p.next() == JsonParser.Event.KEY_NAME) {
        if (p.getString().equals("clientID")) {
          clients.add(nextString(p));
        } else {
          p.next();
          changes.add(p.getArray());
        }
      }
    }
  }

  private static void skipValue(JsonParser p) {
    var event = p.next();
    if (event == JsonParser.Event.START_OBJECT) {
      p.skipObject();
    } else if (event == JsonParser.Event.START_ARRAY) {
      p.skipArray();
    }
  }
}
