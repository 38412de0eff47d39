package org.codeshare.collab.control;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.codeshare.chat.control.ChatLog;
import org.codeshare.chat.entity.ChatMessage;
import org.codeshare.collab.entity.ChangeSet;
import org.codeshare.collab.entity.ClientMessage;
import org.codeshare.collab.entity.Update;
import org.codeshare.presence.control.Presence;
import org.codeshare.presence.entity.Peer;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A running sequencer over an in-memory log, without a server. */
abstract class SequencerFixture {

  private static final JsonProvider JSON = JsonProvider.provider();

  final FakeUpdateLog log = new FakeUpdateLog();
  final UUID roomId = UUID.randomUUID();
  RoomSequencer sequencer;

  /** Joins {@code roomId} and returns once the participant has its {@code hello}. */
  Participant join(String name, RoomRole role, RecordingOutlet outlet) {
    var participant =
        new Participant(new Peer(name, name, "#000", role), name, null, true, "java", outlet);
    sequencer.join(roomId, participant);
    outlet.next("hello");
    return participant;
  }

  /** The {@code hello} someone new joining the room now gets. */
  JsonObject helloForNewcomer() {
    var outlet = new RecordingOutlet();
    sequencer.join(
        roomId,
        new Participant(
            new Peer("new", "new", "#000", RoomRole.EDITOR), "new", null, true, "java", outlet));
    return outlet.next("hello");
  }

  /** Editors {@code p0}, {@code p1}, … in {@code roomId}. */
  List<Participant> editors(int count) {
    var editors = new ArrayList<Participant>();
    for (int i = 0; i < count; i++) {
      editors.add(join("p" + i, RoomRole.EDITOR, new RecordingOutlet()));
    }
    return editors;
  }

  /** Sends {@code push} and returns once its commit has started and waits for the latch. */
  CountDownLatch pushHeld(Participant author, ClientMessage.Push push) throws InterruptedException {
    var held = log.holdNextAppend();
    sequencer.push(roomId, author, push);
    log.awaitHeld();
    return held;
  }

  static ChangeSet changes(String json) {
    try (var reader = JSON.createReader(new StringReader(json))) {
      return ChangeSet.fromJson(reader.readArray());
    }
  }

  static ClientMessage.Push push(long version, String clientId, String json) {
    return new ClientMessage.Push(version, List.of(new Update(clientId, changes(json))));
  }

  /** The document {@code history} makes from an empty one. */
  static String doc(List<Update> history) {
    var doc = "";
    for (var update : history) {
      doc = update.changes().apply(doc);
    }
    return doc;
  }

  @BeforeEach
  void start() {
    sequencer = new RoomSequencer();
    sequencer.log = log;
    sequencer.writer =
        new UpdateWriter() {
          @Override
          public java.util.Optional<UpdateLog.Committed> tryAppend(
              UUID roomId, long expected, List<UpdateLog.Authored> pushes) {
            return java.util.Optional.empty(); // every commit takes the log's own path
          }

          @Override
          public java.util.concurrent.CompletableFuture<java.util.Optional<UpdateLog.Committed>>
              submit(UUID roomId, long expected, List<UpdateLog.Authored> pushes) {
            // answered later, on another thread, as the committer does
            return java.util.concurrent.CompletableFuture.supplyAsync(java.util.Optional::empty);
          }
        };
    sequencer.coldLoad =
        new ColdLoad() {
          @Override
          public UpdateLog.Loaded load(UUID roomId, int keep) {
            return SequencerFixture.this.log.replay(roomId, 0, "", keep);
          }
        };
    sequencer.chatLog =
        new ChatLog() {
          @Override
          public List<ChatMessage> recent(UUID room, int count) {
            return List.of();
          }
        };
    var settings = new CollabSettings();
    settings.maxDocLength = 1000;
    settings.fanoutFramesPerSecond = 50_000;
    settings.maxUpdatesPerPush = 100;
    settings.maxCursorRanges = 10;
    settings.chatMaxLength = 100;
    settings.historyWindow = 2;
    settings.maxPullUpdates = 100;
    settings.cursorInterval = Duration.ofMillis(10);
    settings.idleUnload = Duration.ofMinutes(1);
    settings.threads = 4;
    settings.resyncInterval = Duration.ofSeconds(5);
    sequencer.settings = settings;
    sequencer.fanout = new Fanout();
    sequencer.metrics = new EditMetrics();
    sequencer.presence = new Presence();
    sequencer.threads = new Threads();
    sequencer.start();
  }

  @AfterEach
  void stop() {
    sequencer.stop();
  }

  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      var thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      throw new UnsupportedOperationException();
    }
  }
}
