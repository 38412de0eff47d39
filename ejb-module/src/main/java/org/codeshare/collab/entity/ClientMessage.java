package org.codeshare.collab.entity;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** What a client may send over the editor socket (protocol version 1), parsed and checked. */
public sealed interface ClientMessage {

  int PROTOCOL = 1;

  /** Updates made on top of {@code version}, oldest first, all from one client. */
  record Push(long version, List<Update> updates) implements ClientMessage {}

  /** Asks for the updates after {@code version}. */
  record Pull(long version) implements ClientMessage {}

  /**
   * The sender's selection ranges, relayed to the others as they are. {@code version}, when the
   * client sends it, is the document version the positions refer to (null when left out).
   */
  record Cursor(JsonArray ranges, Long version) implements ClientMessage {}

  record Chat(String text) implements ClientMessage {}

  record Ping() implements ClientMessage {}

  /** What a single message may contain. */
  record Limits(int maxUpdatesPerPush, int maxCursorRanges, int maxChatLength) {}

  Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

  /**
   * @throws ProtocolError when {@code text} is not a version 1 message of a known type
   */
  static ClientMessage parse(String text, Limits limits) {
    JsonObject message;
    try (var reader = Parsing.READERS.createReader(new StringReader(text))) {
      var value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        throw new ProtocolError(ProtocolError.MALFORMED, "a message is a JSON object");
      }
      message = object;
    } catch (jakarta.json.JsonException e) {
      throw new ProtocolError(ProtocolError.MALFORMED, "not JSON");
    }
    if (!(message.get("v") instanceof JsonNumber v) || !v.isIntegral() || v.intValue() != 1) {
      throw new ProtocolError(
          ProtocolError.UNSUPPORTED_VERSION, "\"v\" must be " + PROTOCOL + " in every message");
    }
    var type = message.get("type") instanceof JsonString string ? string.getString() : null;
    if (type == null) {
      throw new ProtocolError(ProtocolError.MALFORMED, "\"type\" is missing");
    }
    return switch (type) {
      case "push" -> Parsing.push(message, limits);
      case "pull" -> new Pull(Parsing.version(message));
      case "cursor" -> Parsing.cursor(message, limits);
      case "chat" -> Parsing.chat(message, limits);
      case "ping" -> new Ping();
      default -> throw new ProtocolError(ProtocolError.UNKNOWN_TYPE, "unknown type");
    };
  }

  /** The checks behind {@link #parse}. */
  final class Parsing {

    static final jakarta.json.JsonReaderFactory READERS =
        JsonProvider.provider().createReaderFactory(Map.of());

    /** Control characters other than tab and line breaks; PostgreSQL refuses NUL outright. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\t\\n\\r]]");

    private Parsing() {}

    static Push push(JsonObject message, Limits limits) {
      long version = version(message);
      if (!(message.get("updates") instanceof JsonArray updates)) {
        throw malformed("push needs \"updates\", an array");
      }
      if (updates.isEmpty() || updates.size() > limits.maxUpdatesPerPush()) {
        throw new ProtocolError(
            ProtocolError.TOO_MANY_UPDATES,
            "a push carries 1 to " + limits.maxUpdatesPerPush() + " updates");
      }
      List<Update> parsed = new ArrayList<>(updates.size());
      String clientId = null;
      for (JsonValue value : updates) {
        if (!(value instanceof JsonObject update)
            || !(update.get("clientID") instanceof JsonString id)
            || !update.containsKey("changes")) {
          throw malformed("an update is {clientID, changes}");
        }
        if (!CLIENT_ID.matcher(id.getString()).matches()) {
          throw malformed("clientID must be 1 to 64 letters, digits or ._:-");
        }
        if (clientId != null && !clientId.equals(id.getString())) {
          throw malformed("all updates of a push come from one clientID");
        }
        clientId = id.getString();
        try {
          parsed.add(new Update(clientId, ChangeSet.fromJson(update.get("changes"))));
        } catch (InvalidChanges e) {
          throw new ProtocolError(ProtocolError.INVALID_CHANGES, e.getMessage());
        }
      }
      return new Push(version, List.copyOf(parsed));
    }

    static long version(JsonObject message) {
      if (!(message.get("version") instanceof JsonNumber number) || !number.isIntegral()) {
        throw malformed("\"version\" must be an integer");
      }
      try {
        long version = number.bigIntegerValueExact().longValueExact();
        if (version < 0) {
          throw new ProtocolError(ProtocolError.BAD_VERSION, "versions are not negative");
        }
        return version;
      } catch (ArithmeticException e) {
        throw new ProtocolError(ProtocolError.BAD_VERSION, "version out of range");
      }
    }

    static Cursor cursor(JsonObject message, Limits limits) {
      if (!(message.get("ranges") instanceof JsonArray ranges)
          || ranges.size() > limits.maxCursorRanges()) {
        throw malformed("cursor needs \"ranges\": up to " + limits.maxCursorRanges() + " ranges");
      }
      for (JsonValue value : ranges) {
        if (!(value instanceof JsonObject range)
            || range.size() != 2
            || !position(range.get("anchor"))
            || !position(range.get("head"))) {
          throw malformed("a range is {anchor, head} with positions from 0");
        }
      }
      return new Cursor(ranges, message.containsKey("version") ? version(message) : null);
    }

    private static boolean position(JsonValue value) {
      return value instanceof JsonNumber number
          && number.isIntegral()
          && number.bigDecimalValue().signum() >= 0
          && number.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(Integer.MAX_VALUE))
              <= 0;
    }

    static Chat chat(JsonObject message, Limits limits) {
      if (!(message.get("text") instanceof JsonString text)
          || text.getString().isBlank()
          || text.getString().length() > limits.maxChatLength()
          || CONTROL.matcher(text.getString()).find()
          || !JsonText.isWellFormed(text.getString())) {
        throw malformed("chat needs \"text\" of 1 to " + limits.maxChatLength() + " characters");
      }
      return new Chat(text.getString());
    }

    private static ProtocolError malformed(String message) {
      return new ProtocolError(ProtocolError.MALFORMED, message);
    }
  }
}
