package org.codeshare.collab.entity;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A client as {@code @codemirror/collab} runs one, receiving accepted updates one at a time (as the
 * editor protocol asks): its own come back as confirmations, the others are applied with the
 * unconfirmed updates mapped over them.
 */
public final class CollabClient {

  public final String id;
  public String doc;
  public long version;
  public List<Update> unconfirmed = new ArrayList<>();
  public int edits;

  public CollabClient(String id, String doc, long version) {
    this.id = id;
    this.doc = doc;
    this.version = version;
  }

  /** Takes updates {@code from + 1} onwards; those already seen are skipped. */
  public void receive(long from, List<Update> updates) {
    if (from > version) {
      throw new IllegalStateException(id + " missed updates " + version + " to " + from);
    }
    for (int i = (int) (version - from); i < updates.size(); i++) {
      receiveOne(updates.get(i));
    }
  }

  /** CodeMirror's {@code receiveUpdates} for a single update. */
  private void receiveOne(Update update) {
    version++;
    if (!unconfirmed.isEmpty() && unconfirmed.get(0).clientId().equals(update.clientId())) {
      unconfirmed = new ArrayList<>(unconfirmed.subList(1, unconfirmed.size()));
      return;
    }
    ChangeSet changes = update.changes();
    var mapped = new ArrayList<Update>();
    for (var own : unconfirmed) {
      var ownChanges = own.changes().map(changes);
      changes = changes.map(own.changes(), true);
      mapped.add(new Update(id, ownChanges));
    }
    unconfirmed = mapped;
    doc = changes.apply(doc);
  }

  public void edit(ChangeSet changes) {
    doc = changes.apply(doc);
    unconfirmed.add(new Update(id, changes));
    edits++;
  }

  /** A random small replacement: deletes, inserts with line breaks and surrogate pairs. */
  public void randomEdit(Random random) {
    int length = doc.length();
    int pos = random.nextInt(length + 1);
    int delete = random.nextInt(Math.min(3, length - pos) + 1);
    String[] pieces = {"", "ab", "\n", "x", "😀"};
    var insert = pieces[random.nextInt(pieces.length)];
    if (delete == 0 && insert.isEmpty()) {
      insert = "x";
    }
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
    edit(ChangeSet.fromJson(parts.build()));
  }

  /**
   * The document the server has at {@code version} with this client's unconfirmed updates on it.
   */
  public String expectedDoc(List<Update> history) {
    var expected = "";
    for (var update : history.subList(0, (int) version)) {
      expected = update.changes().apply(expected);
    }
    for (var update : unconfirmed) {
      expected = update.changes().apply(expected);
    }
    return expected;
  }
}
