package org.codeshare.bench;

import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.codeshare.collab.entity.ChangeSet;

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
    List<ChangeSet> changes,
    long anchor,
    long head) {

  /** Looked up once: {@code Json.createParser} and the like look the provider up on every call. */
  static final JsonProvider JSON = JsonProvider.provider();

  /** How many recent {@code updates} messages each wire thread keeps parsed. */
  private static final int SHARED = 32;

  /**
   * The {@code updates} messages a wire thread parsed last. Every socket of a room is sent the same
   * frame, so the thread that reads many of them parses it once and hands the same parsed message
   * (its change sets included) to each of their authors, which then map and apply it on their own:
   * one driver parsing a frame once per socket would take the CPU hundreds of browsers each spend
   * on their own machine from the two cores the node runs on.
   */
  private static final ThreadLocal<Map<String, Inbound>> RECENT =
      ThreadLocal.withInitial(
          () ->
              new LinkedHashMap<>(2 * SHARED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Inbound> eldest) {
                  return size() > SHARED;
                }
              });

  static Inbound parse(String message) {
    var recent = RECENT.get();
    var known = recent.get(message);
    if (known != null) {
      return known;
    }
    var parsed = parseNew(message);
    if ("updates".equals(parsed.type())) {
      recent.put(message, parsed);
    }
    return parsed;
  }

  private static Inbound parseNew(String message) {
    String type = null;
    String code = null;
    long from = -1;
    long version = -1;
    String doc = null;
    var clients = new ArrayList<String>();
    var changes = new ArrayList<ChangeSet>();
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
    return new Inbound(
        type, code, from, version, doc, List.copyOf(clients), List.copyOf(changes), anchor, head);
  }

  private static String nextString(JsonParser p) {
    p.next();
    return p.getString();
  }

  private static long nextLong(JsonParser p) {
    p.next();
    return p.getLong();
  }

  private static void readUpdates(JsonParser p, List<String> clients, List<ChangeSet> changes) {
    p.next(); // [
    while (p.next() == JsonParser.Event.START_OBJECT) {
      while (p.next() == JsonParser.Event.KEY_NAME) {
        if (p.getString().equals("clientID")) {
          clients.add(nextString(p));
        } else {
          p.next();
          changes.add(ChangeSet.fromJson(p.getArray()));
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
