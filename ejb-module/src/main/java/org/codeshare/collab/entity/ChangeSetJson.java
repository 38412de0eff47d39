package org.codeshare.collab.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CodeMirror's JSON form of a change set. Parsing is stricter than CodeMirror's, which takes any
 * number: lengths here must be integers from 0 up, and the document lengths must fit an int.
 */
final class ChangeSetJson {

  /** One factory: {@code Json.createArrayBuilder()} looks the JSON-P provider up on every call. */
  static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private ChangeSetJson() {}

  static ChangeSet parse(JsonValue json) {
    if (!(json instanceof JsonArray parts)) {
      throw new InvalidChanges(
          "A change set must be a JSON array, not "
              + (json == null ? "null" : json.getValueType()));
    }
    int[] sections = new int[parts.size() * 2];
    List<Text> inserted = new ArrayList<>();
    long length = 0;
    long newLength = 0;
    for (int i = 0; i < parts.size(); i++) {
      JsonValue part = parts.get(i);
      int len;
      int ins;
      if (part instanceof JsonNumber number) {
        len = length(number, i);
        ins = -1;
        newLength += len;
      } else if (part instanceof JsonArray replace) {
        if (replace.isEmpty() || !(replace.get(0) instanceof JsonNumber number)) {
          throw invalid(i, "a change must start with the number of characters it replaces");
        }
        len = length(number, i);
        if (replace.size() == 1) {
          ins = 0;
        } else {
          List<String> lines = new ArrayList<>(replace.size() - 1);
          for (JsonValue line : replace.subList(1, replace.size())) {
            if (!(line instanceof JsonString string)) {
              throw invalid(i, "inserted lines must be strings, not " + line.getValueType());
            }
            lines.add(string.getString());
          }
          while (inserted.size() < i) {
            inserted.add(Text.EMPTY);
          }
          Text text = Text.of(lines);
          inserted.add(text);
          ins = text.length();
        }
        newLength += ins;
      } else {
        throw invalid(i, "expected a number or an array, not " + part.getValueType());
      }
      length += len;
      if (length > Integer.MAX_VALUE || newLength > Integer.MAX_VALUE) {
        throw invalid(i, "the document would be longer than " + Integer.MAX_VALUE);
      }
      sections[2 * i] = len;
      sections[2 * i + 1] = ins;
    }
    return new ChangeSet(sections, inserted);
  }

  private static int length(JsonNumber number, int index) {
    int value;
    try {
      value = number.bigDecimalValue().intValueExact();
    } catch (ArithmeticException e) {
      throw invalid(index, number + " is not a length (an integer that fits 32 bits)");
    }
    if (value < 0) {
      throw invalid(index, "lengths cannot be negative, was " + value);
    }
    return value;
  }

  private static InvalidChanges invalid(int index, String why) {
    return new InvalidChanges("Invalid change set JSON at index " + index + ": " + why);
  }

  static JsonArray write(int[] sections, List<Text> inserted) {
    JsonArrayBuilder parts = JSON.createArrayBuilder();
    for (int i = 0; i < sections.length; i += 2) {
      int len = sections[i];
      int ins = sections[i + 1];
      if (ins < 0) {
        parts.add(len);
      } else if (ins == 0) {
        parts.add(JSON.createArrayBuilder().add(len));
      } else {
        JsonArrayBuilder replace = JSON.createArrayBuilder().add(len);
        inserted.get(i >> 1).lines().forEach(replace::add);
        parts.add(replace);
      }
    }
    return parts.build();
  }
}
