package org.codeshare.collab.control;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.ProtocolError;
import org.codeshare.collab.entity.ServerMessages;
import org.codeshare.collab.entity.StepwiseRebase;
import org.codeshare.collab.entity.Update;
import org.codeshare.rooms.entity.RoomNotFound;
import org.codeshare.rooms.entity.RoomRole;
import org.codeshare.snapshots.control.Snapshots;

/**
 * One loaded room: the authoritative document, its newest updates and its connections. Every method
 * runs as a task of the room's {@link Mailbox}, so the state needs no locks; a task that finds the
 * room already unloaded hands itself back to the {@link RoomSequencer}.
 */
final class LiveRoom {

  private static final Logger LOG = Logger.getLogger(LiveRoom.class.getName());
  static final int CLOSE_GONE = 4404;

  private final UUID id;
  private final RoomSequencer rooms;
  private final Mailbox mailbox;

  private boolean closed;
  private final RoomText text;
  private final CommitQueue commits = new CommitQueue(this);
  private final Members members;
  private final Outgoing outgoing;
  private final Occupants occupants;
  private final RoomHistory history;

  LiveRoom(UUID id, RoomSequencer rooms) {
    this.id = id;
    this.rooms = rooms;
    this.mailbox = new Mailbox(rooms.pool());
    this.text = new RoomText(rooms.settings().historyWindow());
    this.members = new Members(id, rooms.fanout(), rooms.presence());
    this.outgoing =
        new Outgoing(
            members,
            rooms.settings().fanoutFramesPerSecond(),
            nanos ->
                rooms.later(
                    Duration.ofNanos(nanos),
                    () -> enqueue(room -> room.outgoing.flush(), s -> {})));
    this.occupants = new Occupants(this, members);
    this.history = new RoomHistory(this, text, members);
  }

  /**
   * Runs {@code task} in order; on an unloaded room, {@code elsewhere} retries on its successor.
   */
  void enqueue(Consumer<LiveRoom> task, Consumer<RoomSequencer> elsewhere) {
    mailbox.execute(
        () -> {
          if (closed) {
            elsewhere.accept(rooms);
          } else {
            task.accept(this);
          }
        });
  }

  void join(Participant participant) {
    try {
      ensureLoaded();
    } catch (RoomNotFound e) {
      participant.outlet().close(CLOSE_GONE, "room deleted");
      return;
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "cannot load room " + id, e);
      participant.outlet().close(1011, "room unavailable");
      return;
    }
    outgoing.flush(); // the hello's version includes everything sent before it
    participant.outlet().send(hello(participant));
    members.add(participant);
  }

  /**
   * Checks a push and queues it for the room's next commit, which takes every push queued by then
   * in one transaction (group commit).
   */
  void push(Participant sender, ClientMessage.Push push) {
    var author = members.get(sender.id()); // with the rights it has now
    if (author == null) {
      return;
    }
    try {
      if (author.role() == RoomRole.VIEWER) {
        throw new ProtocolError(ProtocolError.FORBIDDEN, "viewers cannot edit");
      }
      members.claim(push.updates().get(0).clientId(), author);
      int restarts = members.restarts(sender.id()); // a reload while catching up restarts it
      if (push.version() > text.version()) {
        resync(); // the client may come from a node this one has not heard from yet
      }
      if (closed) {
        return; // the room was deleted meanwhile
      }
      if (push.version() > text.version()) {
        throw new ProtocolError(
            ProtocolError.BAD_VERSION,
            "the room is at version " + text.version() + ", not yet there");
      }
      commits.add(new Commit.Queued(author, push.version(), push.updates(), restarts));
    } catch (ProtocolError e) {
      author.outlet().send(ServerMessages.error(e.code(), e.getMessage()));
    }
  }

  CommitQueue commits() {
    return commits;
  }

  /** Its connections: leaving, coming back, messages passed on to them. */
  Members members() {
    return members;
  }

  /** Cursors, chat and rights: what the room's people do apart from editing. */
  Occupants occupants() {
    return occupants;
  }

  /** Updates another node accepted, {@code from + 1} onwards. */
  void remote(long from, List<Update> updates) {
    long version = text.version();
    if (!text.loaded() || from + updates.size() <= version) {
      return;
    }
    if (from > version) {
      resync();
      return;
    }
    catchUp(updates.subList((int) (version - from), updates.size()));
  }

  /** Takes in whatever the database has beyond this node's version. */
  void resync() {
    if (!text.loaded() || members.isEmpty()) {
      return;
    }
    try {
      history.catchUp();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot catch up room " + id, e);
    }
  }

  /** Unloads the room when nobody has been in it for {@code idle}; true when it did. */
  boolean unloadIfIdle(Instant now, Duration idle) {
    if (commits.idle() && members.idleSince(now.minus(idle))) {
      closed = true;
    }
    return closed;
  }

  // ---- used by Commit

  UUID id() {
    return id;
  }

  String doc() {
    return text.doc();
  }

  int docLength() {
    return text.length();
  }

  long version() {
    return text.version();
  }

  RoomSequencer rooms() {
    return rooms;
  }

  /**
   * Takes committed updates into the document and sends them to everyone, the author too, in one
   * message written once for all, possibly with the other commits of the tick (clients apply its
   * updates one at a time, exactly as {@link StepwiseRebase} does on the server); {@code changes}
   * is the updates composed.
   */
  void accept(List<Update> updates, ChangeSet changes) {
    long from = text.version();
    text.take(updates, changes);
    outgoing.add(from, updates);
  }

  /** Applies updates another node committed, and passes them on. */
  void catchUp(List<Update> missed) {
    if (!missed.isEmpty()) {
      accept(missed, RoomText.composed(text.length(), missed));
    }
  }

  /** The room was deleted: everyone is sent away and the room unloaded. */
  void gone() {
    closed = true;
    commits.closed();
    outgoing.clear();
    members.closeAll(CLOSE_GONE, "room deleted");
    rooms.forget(id, this);
  }

  /** Pulls, catching up (loading again when the updates it needs were compacted away). */
  RoomHistory roomHistory() {
    return history;
  }

  /**
   * @throws RoomNotFound when the room was deleted
   */
  private void ensureLoaded() {
    if (!text.loaded()) {
      var state = rooms.coldLoad().load(id, rooms.settings().historyWindow());
      text.load(state.doc(), state.version(), state.recent());
    }
  }

  /**
   * The document when the room is loaded here: as it is when it is at {@code atLeast} already, else
   * caught up with the database.
   */
  Optional<Snapshots.State> state(long atLeast) {
    if (!text.loaded()) {
      return Optional.empty();
    }
    try {
      if (text.version() < atLeast) {
        history.catchUp();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "cannot catch up room " + id + ", using the text in memory", e);
    }
    return Optional.of(new Snapshots.State(text.version(), text.settledDoc()));
  }

  /**
   * Commits one update that replaces the whole text (a restore), loading the room if needed;
   * returns the version it made, or the current one when the text is already {@code replacement}.
   */
  long replace(String replacement, UUID authorId, RoomRole role) {
    ensureLoaded();
    commits.finishInFlight(); // one statement of the room's at a time
    return Restorer.replace(this, replacement, authorId, role);
  }

  boolean closed() {
    return closed;
  }

  boolean loaded() {
    return text.loaded();
  }

  /** Sends the frames waiting for the tick now. */
  void flush() {
    outgoing.flush();
  }

  /** Frames waiting for the tick are dropped: everyone is about to start again. */
  void dropOutgoing() {
    outgoing.clear();
  }

  /**
   * Starts a connection again from the current text (its push or pull is too old, or the room
   * loaded again): the pushes it sent before are not committed any more.
   */
  void restart(Participant participant) {
    outgoing.flush();
    members.restarted(participant.id());
    participant.outlet().send(hello(participant));
  }

  private String hello(Participant participant) {
    return Greeting.hello(rooms, id, members, text.version(), text.doc(), participant);
  }

  static String unavailable() {
    return ServerMessages.error(ProtocolError.UNAVAILABLE, "try again shortly");
  }
}
