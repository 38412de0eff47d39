package org.codeshare.bench;

import java.util.ArrayList;
import java.util.List;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.Update;

/**
 * One editor socket, behaving as {@code @codemirror/collab} does in the browser: it types tokens at
 * its cursor, pushes its unconfirmed updates only when nothing is in flight, and applies each
 * received update on its own — its own ones confirm, the others' are mapped over its unconfirmed
 * updates (as {@code receiveUpdates}) and then applied to its document and cursor. Authors that
 * {@code keepText} hold the whole text, so that the end state can be compared character for
 * character; the others keep its length.
 */
final class Author implements Wire.Listener {

  private static final String PING = "{\"v\":1,\"type\":\"ping\"}";

  final int index;
  final String clientId;
  private final int roomBase;
  private final int[] seen;
  private final Recorder recorder;
  private final boolean keepText;

  private volatile Connection socket;

  private long version = -1;
  private int length;
  private int cursor;
  private String text;
  private final List<Update> unconfirmed = new ArrayList<>();
  private int inFlight;
  private int typedCount;
  private int sentCount;
  private int confirmedCount;
  private volatile boolean closed;
  private volatile int closeCode;
  private volatile Runnable reopen;
  private int reopened;
  private long pingSent;

  /**
   * @param roomBase the index of the room's first author; the room's authors are {@code roomBase}
   *     to {@code roomBase + roomSize - 1}
   */
  Author(int index, int roomBase, int roomSize, Recorder recorder, boolean keepText) {
    this.index = index;
    this.clientId = "a" + index;
    this.roomBase = roomBase;
    this.seen = new int[roomSize];
    this.recorder = recorder;
    this.keepText = keepText;
  }

  synchronized boolean ready() {
    return version >= 0;
  }

  synchronized long version() {
    return version;
  }

  synchronized int length() {
    return length;
  }

  synchronized String text() {
    return text;
  }

  synchronized boolean settled() {
    return unconfirmed.isEmpty();
  }

  synchronized int typed() {
    return typedCount;
  }

  synchronized int confirmed() {
    return confirmedCount;
  }

  boolean closed() {
    return closed;
  }

  int closeCode() {
    return closeCode;
  }

  /** One edit: a token naming this author and the edit, inserted at the cursor. */
  synchronized void type() {
    if (version < 0 || closed || !recorder.hasRoom(typedCount)) {
      return;
    }
    var token = "{" + index + "." + typedCount + "}";
    var json = Inbound.JSON.createArrayBuilder();
    if (cursor > 0) {
      json.add(cursor);
    }
    json.add(Inbound.JSON.createArrayBuilder().add(0).add(token));
    if (length > cursor) {
      json.add(length - cursor);
    }
    var changes = ChangeSet.fromJson(json.build());
    if (keepText) {
      text = changes.apply(text);
    }
    unconfirmed.add(new Update(clientId, changes));
    recorder.typed(index, typedCount++, System.nanoTime());
    cursor += token.length();
    length += token.length();
    if (inFlight == 0) {
      push();
    }
  }

  /** A ping, unless one is unanswered: its round trip goes to the recorder. */
  synchronized void ping() {
    if (version < 0 || closed || pingSent != 0) {
      return;
    }
    pingSent = System.nanoTime();
    send(PING);
  }

  /** A cursor move that names this author and the move ({@link CursorProbe}). */
  synchronized void moveCursor() {
    if (version < 0 || closed) {
      return;
    }
    int seq = recorder.cursors.next(index, System.nanoTime());
    if (seq >= 0) {
      send(
          "{\"v\":1,\"type\":\"cursor\",\"ranges\":[{\"anchor\":"
              + index
              + ",\"head\":"
              + seq
              + "}]}");
    }
  }

  /** Pushes every unconfirmed update on the last version seen. */
  private void push() {
    var updates = Inbound.JSON.createArrayBuilder();
    for (var update : unconfirmed) {
      updates.add(
          Inbound.JSON
              .createObjectBuilder()
              .add("clientID", update.clientId())
              .add("changes", update.changes().toJson()));
    }
    var message =
        Inbound.JSON
            .createObjectBuilder()
            .add("v", 1)
            .add("type", "push")
            .add("version", version)
            .add("updates", updates)
            .build()
            .toString();
    long now = System.nanoTime();
    while (sentCount < typedCount) {
      recorder.sent(index, sentCount++, now);
    }
    inFlight = unconfirmed.size();
    send(message);
  }

  private void send(String message) {
    socket.sendText(message);
  }

  @Override
  public void onOpen(Connection connection) {
    socket = connection;
  }

  @Override
  public void onText(String message, long arrived) {
    receive(message, arrived);
  }

  /**
   * How to open the socket again, as the browser does when its socket closes before the {@code
   * hello}: a new ticket and a new socket. Used at most three times.
   */
  void reopenWith(Runnable reopen) {
    this.reopen = reopen;
  }

  @Override
  public void onClose(int code) {
    synchronized (this) {
      if (version < 0 && reopen != null && reopened < 3) {
        reopened++;
        recorder.error("reopened-before-hello-" + code);
        reopen.run();
        return;
      }
    }
    closeCode = code;
    closed = true;
    if (code != 1000) {
      recorder.error("close-" + code);
    }
  }

  void close() {
    if (!closed && socket != null) {
      socket.sendClose(1000);
    }
  }

  private synchronized void receive(String message, long now) {
    var in = Inbound.parse(message);
    switch (in.type()) {
      case "hello" -> hello(in.version(), in.doc());
      case "updates" -> updates(in.from(), in.clients(), in.changes(), now);
      case "error" -> recorder.error(in.code());
      case "cursor" -> recorder.cursors.arrived(in.anchor(), in.head(), now);
      case "pong" -> {
        if (pingSent != 0) {
          recorder.ping.record(now - pingSent);
          pingSent = 0;
        }
      }
      default -> {}
    }
  }

  private void hello(long helloVersion, String doc) {
    if (version >= 0) {
      recorder.error("resync-hello");
      unconfirmed.clear();
      inFlight = 0;
    }
    version = helloVersion;
    length = doc.length();
    cursor = length;
    text = keepText ? doc : null;
  }

  private void updates(long from, List<String> clients, List<ChangeSet> changes, long now) {
    if (from > version) {
      recorder.error("gap");
      send(
          Inbound.JSON
              .createObjectBuilder()
              .add("v", 1)
              .add("type", "pull")
              .add("version", version)
              .build()
              .toString());
      return;
    }
    for (int i = (int) (version - from); i < clients.size(); i++) {
      version++;
      var client = clients.get(i);
      if (client.equals(clientId)) {
        if (unconfirmed.isEmpty()) {
          recorder.error("unexpected-confirmation");
          continue;
        }
        unconfirmed.remove(0);
        inFlight--;
        recorder.confirmed(index, confirmedCount++, now);
      } else {
        remote(client, changes.get(i), now);
      }
    }
    if (inFlight <= 0 && !unconfirmed.isEmpty()) {
      push();
    }
  }

  /** Another author's update: mapped over the unconfirmed ones, then applied here. */
  private void remote(String client, ChangeSet accepted, long now) {
    int author = Integer.parseInt(client, 1, client.length(), 10);
    recorder.delivered(author, seen[author - roomBase]++, now);
    var changes = accepted;
    for (int i = 0; i < unconfirmed.size(); i++) {
      var update = unconfirmed.get(i);
      var mapped = update.changes().map(changes);
      changes = changes.map(update.changes(), true);
      unconfirmed.set(i, new Update(update.clientId(), mapped));
    }
    if (keepText) {
      text = changes.apply(text);
    }
    cursor = changes.mapPos(cursor, -1);
    length = changes.newLength();
  }
}
