package org.codeshare.testing.editor;

import jakarta.json.Json;
import java.util.Random;
import org.codeshare.collab.entity.ChangeSet;

/** Change sets for tests, in CodeMirror's JSON form: a given replacement, or a random one. */
public final class Changes {

  private static final String[] PIECES = {"a", "b", "c", " ", "\n", "é", "😀", "\r\n", "{", "}"};

  private Changes() {}

  /** A random replacement in a document of {@code length}, inserts include surrogate pairs. */
  public static ChangeSet random(Random random, int length) {
    int pos = random.nextInt(length + 1);
    int delete = random.nextInt(Math.min(4, length - pos) + 1);
    var insert = new StringBuilder();
    for (int i = random.nextInt(4); i > 0; i--) {
      insert.append(PIECES[random.nextInt(PIECES.length)]);
    }
    if (delete == 0 && insert.isEmpty()) {
      insert.append('x');
    }
    return replace(length, pos, delete, insert.toString());
  }

  /** Replaces {@code delete} characters at {@code pos} of a document of {@code length}. */
  public static ChangeSet replace(int length, int pos, int delete, String insert) {
    var parts = Json.createArrayBuilder();
    if (pos > 0) {
      parts.add(pos);
    }
    var replacement = Json.createArrayBuilder().add(delete);
    if (!insert.isEmpty()) {
      for (var line : insert.split("\n", -1)) {
        replacement.add(line);
      }
    }
    parts.add(replacement);
    if (length - pos - delete > 0) {
      parts.add(length - pos - delete);
    }
    return ChangeSet.fromJson(parts.build());
  }
}
