package org.codeshare.collab.entity;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Random but always valid change sets: a script of edits is laid over a document of a given length,
 * clamping each edit to what is left. Clean scripts give what an editor sends; raw ones add the
 * shapes CodeMirror's {@code fromJSON} accepts too (empty keeps and deletes, split keeps, a line
 * holding a line break).
 */
final class ChangeScript {

  enum Kind {
    KEEP,
    DELETE,
    REPLACE,
    INSERT
  }

  record Edit(Kind kind, int size, String text, boolean quirk) {}

  static final List<String> TOKENS =
      List.of("a", "b", "xy", " ", "\t", "{}", "\n", "\r\n", "\r", "é", "😀", "\uD834\uDD1E");

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private ChangeScript() {}

  static ChangeSet changes(int docLength, List<Edit> edits) {
    return ChangeSet.fromJson(json(docLength, edits, false));
  }

  static JsonArray json(int docLength, List<Edit> edits, boolean raw) {
    JsonArrayBuilder parts = JSON.createArrayBuilder();
    int pos = 0;
    int keep = 0;
    for (Edit edit : edits) {
      int n = Math.min(edit.size(), docLength - pos);
      if (edit.kind() == Kind.KEEP) {
        if (raw && edit.quirk()) {
          parts.add(keep).add(n);
          keep = 0;
        } else {
          keep += n;
        }
        pos += n;
        continue;
      }
      int replaced = edit.kind() == Kind.INSERT ? 0 : n;
      List<String> lines = edit.kind() == Kind.DELETE ? List.of() : lines(edit, raw);
      boolean noOp = replaced == 0 && String.join("", lines).isEmpty();
      if (noOp && !(raw && edit.quirk())) {
        continue;
      }
      if (keep > 0) {
        parts.add(keep);
        keep = 0;
      }
      JsonArrayBuilder part = JSON.createArrayBuilder().add(replaced);
      lines.forEach(part::add);
      parts.add(part);
      pos += replaced;
    }
    keep += docLength - pos;
    if (keep > 0) {
      parts.add(keep);
    }
    return parts.build();
  }

  private static List<String> lines(Edit edit, boolean raw) {
    if (edit.text().isEmpty()) {
      return raw && edit.quirk() ? List.of("") : List.of();
    }
    return raw && edit.quirk() ? List.of(edit.text()) : List.of(edit.text().split("\n", -1));
  }

  static String randomDoc(Random random) {
    return random.nextInt(10) == 0 ? "" : randomText(random, 1 + random.nextInt(16));
  }

  static String randomText(Random random, int tokens) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < tokens; i++) {
      text.append(TOKENS.get(random.nextInt(TOKENS.size())));
    }
    return text.toString();
  }

  static List<Edit> randomEdits(Random random) {
    List<Edit> edits = new ArrayList<>();
    for (int i = random.nextInt(7); i > 0; i--) {
      Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
      String text = randomText(random, random.nextInt(4));
      edits.add(new Edit(kind, random.nextInt(6), text, random.nextInt(5) == 0));
    }
    return edits;
  }
}
