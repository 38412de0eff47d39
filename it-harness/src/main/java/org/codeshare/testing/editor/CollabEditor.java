package org.codeshare.testing.editor;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.Update;

/**
 * An editor as {@code @codemirror/collab} runs one: local edits apply at once and wait,
 * unconfirmed, to be pushed; incoming updates confirm its own (matched by client ID) and the rest
 * are applied with the unconfirmed ones rebased over them, exactly as CodeMirror's {@code
 * receiveUpdates}. It keeps the confirmations it received and the peers it saw leave, and moves to
 * a new connection by the reconnect rule.
 */
public class CollabEditor {

  public EditorClient client;
  public final String clientId;
  public final JsonObject hello;
  public String doc;
  public long version;
  public List<Update> unconfirmed = new ArrayList<>();
  public final List<JsonObject> errors = new ArrayList<>();
  public int edits;

  /** A pull is on its way: gaps seen until it is answered are filled by its answer. */
  private boolean pulling;

  /** The changes of this editor's own updates, as confirmed by the server, oldest first. */
  public final List<String> confirmed = new ArrayList<>();

  /** The connection ids announced as {@code presence left}. */
  public final Set<String> departed = new LinkedHashSet<>();

  /** How many messages of each type arrived, for failure messages. */
  public final Map<String, Integer> received = new TreeMap<>();

  /** After {@link #switchTo}: the room's version the editor must reach before it pushes. */
  private long syncTarget;

  private final EditorTrace trace = new EditorTrace();

  public CollabEditor(EditorClient client, String clientId) {
    this.client = client;
    this.clientId = clientId;
    this.hello = client.next("hello");
    this.doc = hello.getString("doc");
    this.version = hello.getJsonNumber("version").longValue();
  }

  public void edit(ChangeSet changes) {
    doc = changes.apply(doc);
    unconfirmed.add(new Update(clientId, changes));
    edits++;
  }

  public void randomEdit(Random random) {
    edit(Changes.random(random, doc.length()));
  }

  /** Pushes the unconfirmed updates, at most as many as the server's limit allows in one push. */
  public void push() {
    if (unconfirmed.isEmpty()) {
      return;
    }
    var updates = Json.createArrayBuilder();
    unconfirmed.stream()
        .limit(maxUpdatesPerPush())
        .forEach(
            u ->
                updates.add(
                    Json.createObjectBuilder()
                        .add("clientID", u.clientId())
                        .add("changes", u.changes().toJson())));
    trace.add(
        "push on "
            + version
            + ": "
            + Math.min(unconfirmed.size(), maxUpdatesPerPush())
            + " of "
            + unconfirmed.size()
            + ", first of length "
            + unconfirmed.get(0).changes().length());
    client.send(
        EditorClient.message("push").add("version", version).add("updates", updates).build());
  }

  private int maxUpdatesPerPush() {
    var limits = hello.getJsonObject("limits");
    return limits == null
        ? Integer.MAX_VALUE
        : limits.getInt("maxUpdatesPerPush", Integer.MAX_VALUE);
  }

  /** Asks for what came after the local version; at most one pull is outstanding at a time. */
  public void pull() {
    if (pulling) {
      return;
    }
    pulling = true;
    trace.add("pull from " + version);
    client.send(EditorClient.message("pull").add("version", version).build());
  }

  /**
   * Carries on over a new connection by the reconnect rule: the document stays as it is here, the
   * editor pulls from its synced version and catches up with the room before it pushes what is
   * still unconfirmed, so an update committed just before the old connection died comes back as a
   * confirmation instead of being pushed twice.
   */
  public void reconnect(EditorClient replacement) {
    client = replacement;
    pulling = false;
    long current = client.next("hello").getJsonNumber("version").longValue();
    pull();
    long deadline = System.nanoTime() + EditorClient.WAIT.multipliedBy(3).toNanos();
    while (version < current) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError(
            clientId
                + " did not catch up with version "
                + current
                + " (at "
                + version
                + ", errors "
                + errors
                + ")");
      }
      process(Duration.ofMillis(100));
    }
    push();
  }

  /**
   * The non-blocking form of {@link #reconnect}, for callers that drive the editor in their own
   * loop: the new {@code hello} is not taken (it would drop unconfirmed updates); the editor pulls
   * from its synced version and {@link #synced()} is false until it has caught up with the version
   * that hello announced. Push only once synced.
   */
  public void switchTo(EditorClient next) {
    syncTarget = next.next("hello").getJsonNumber("version").longValue();
    trace.add(
        "moved at "
            + version
            + " (closed with "
            + (client.isClosed() ? client.awaitClose() + " " + client.closeReason() : "none")
            + "), the new node's hello at "
            + syncTarget);
    client = next;
    pulling = false;
    pull();
  }

  /** False after {@link #switchTo} until the pulled updates reached the room's version then. */
  public boolean synced() {
    return version >= syncTarget;
  }

  @Override
  public String toString() {
    return clientId
        + " at "
        + version
        + (synced() ? "" : " (syncing to " + syncTarget + ")")
        + ", unconfirmed "
        + unconfirmed.size()
        + ", received "
        + received;
  }

  /** Handles the next message if one comes within {@code wait}; false if none came. */
  public boolean process(Duration wait) {
    var message = client.poll(wait);
    if (message == null) {
      return false;
    }
    received.merge(message.getString("type"), 1, Integer::sum);
    switch (message.getString("type")) {
      case "updates" ->
          receive(
              message.getJsonNumber("from").longValue(), updates(message.getJsonArray("updates")));
      case "error" -> {
        errors.add(message);
        trace.add("error " + message);
      }
      case "hello" -> {
        pulling = false; // a pull answered by a fresh start (not followed here)
        trace.add("hello at " + message.getJsonNumber("version") + " (not followed)");
      }
      case "presence" -> {
        if (message.containsKey("left")) {
          departed.add(message.getJsonObject("left").getString("id"));
        }
      }
      default -> {}
    }
    return true;
  }

  public static List<Update> updates(JsonArray json) {
    var updates = new ArrayList<Update>();
    for (var update : json.getValuesAs(JsonObject.class)) {
      updates.add(
          new Update(
              update.getString("clientID"), ChangeSet.fromJson(update.getJsonArray("changes"))));
    }
    return updates;
  }

  /**
   * CodeMirror's receiveUpdates, one update at a time as the protocol asks, after dropping updates
   * already seen; a gap is filled by pulling.
   */
  public void receive(long from, List<Update> updates) {
    if (from > version) {
      trace.add("updates from " + from + " (" + updates.size() + "): a gap at " + version);
      pull();
      return;
    }
    pulling = false; // in order again: this is the answer to the pull, if one was out
    int own = unconfirmed.size();
    for (int i = (int) (version - from); i < updates.size(); i++) {
      receiveOne(updates.get(i));
    }
    trace.add(
        "updates from "
            + from
            + " ("
            + updates.size()
            + "): at "
            + version
            + ", "
            + (own - unconfirmed.size())
            + " confirmed, doc length "
            + doc.length());
  }

  /** The newest messages this editor sent and received, one per line. */
  public String trace() {
    return trace.toString();
  }

  private void receiveOne(Update update) {
    version++;
    if (!unconfirmed.isEmpty() && unconfirmed.get(0).clientId().equals(update.clientId())) {
      unconfirmed = new ArrayList<>(unconfirmed.subList(1, unconfirmed.size()));
      confirmed.add(update.changes().toJson().toString());
      return;
    }
    ChangeSet changes = update.changes();
    var mapped = new ArrayList<Update>();
    for (var own : unconfirmed) {
      var ownChanges = own.changes().map(changes);
      changes = changes.map(own.changes(), true);
      mapped.add(new Update(clientId, ownChanges));
    }
    unconfirmed = mapped;
    doc = changes.apply(doc);
  }
}
