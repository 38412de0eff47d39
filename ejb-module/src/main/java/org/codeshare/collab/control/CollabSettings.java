package org.codeshare.collab.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.time.Duration;
import org.codeshare.collab.entity.ClientMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The limits and intervals of live editing; every one a {@code codeshare.*} config key. */
@ApplicationScoped
public class CollabSettings {

  /** Looked up once: {@code JsonProvider.provider()} scans the class path on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  @Inject
  @ConfigProperty(name = "codeshare.collab.max-message-bytes", defaultValue = "1048576")
  int maxMessageBytes;

  @Inject
  @ConfigProperty(name = "codeshare.collab.max-doc-length", defaultValue = "1000000")
  int maxDocLength;

  @Inject
  @ConfigProperty(name = "codeshare.collab.max-updates-per-push", defaultValue = "100")
  int maxUpdatesPerPush;

  @Inject
  @ConfigProperty(name = "codeshare.collab.max-cursor-ranges", defaultValue = "100")
  int maxCursorRanges;

  @Inject
  @ConfigProperty(name = "codeshare.collab.messages-per-second", defaultValue = "50")
  int messagesPerSecond;

  @Inject
  @ConfigProperty(name = "codeshare.collab.send-queue-limit", defaultValue = "1000")
  int sendQueueLimit;

  @Inject
  @ConfigProperty(name = "codeshare.collab.history-window", defaultValue = "1000")
  int historyWindow;

  @Inject
  @ConfigProperty(name = "codeshare.collab.max-pull-updates", defaultValue = "10000")
  int maxPullUpdates;

  @Inject
  @ConfigProperty(name = "codeshare.collab.cursor-interval", defaultValue = "PT0.05S")
  Duration cursorInterval;

  @Inject
  @ConfigProperty(name = "codeshare.collab.idle-unload", defaultValue = "PT60S")
  Duration idleUnload;

  /**
   * Frames per second a busy room sends to its sockets at most, in all: its commits are coalesced
   * into one frame per socket per tick of {@code sockets / this} seconds.
   */
  @Inject
  @ConfigProperty(name = "codeshare.collab.fanout-frames-per-second", defaultValue = "50000")
  int fanoutFramesPerSecond;

  /** A socket that sends nothing for this long is closed. */
  @Inject
  @ConfigProperty(name = "codeshare.collab.socket-idle-timeout", defaultValue = "PT15M")
  Duration socketIdleTimeout;

  @Inject
  @ConfigProperty(name = "codeshare.collab.threads", defaultValue = "16")
  int threads;

  @Inject
  @ConfigProperty(name = "codeshare.collab.writer-threads", defaultValue = "0")
  int writerThreads;

  @Inject
  @ConfigProperty(name = "codeshare.collab.resync-interval", defaultValue = "PT5S")
  Duration resyncInterval;

  @Inject
  @ConfigProperty(name = "codeshare.chat.history", defaultValue = "50")
  int chatHistory;

  @Inject
  @ConfigProperty(name = "codeshare.chat.max-length", defaultValue = "2000")
  int chatMaxLength;

  public int maxMessageBytes() {
    return maxMessageBytes;
  }

  public int maxDocLength() {
    return maxDocLength;
  }

  public int messagesPerSecond() {
    return messagesPerSecond;
  }

  public int sendQueueLimit() {
    return sendQueueLimit;
  }

  public int historyWindow() {
    return Math.max(0, historyWindow);
  }

  public int maxPullUpdates() {
    return maxPullUpdates;
  }

  public Duration cursorInterval() {
    return cursorInterval;
  }

  public Duration idleUnload() {
    return idleUnload;
  }

  public int fanoutFramesPerSecond() {
    return fanoutFramesPerSecond;
  }

  public Duration socketIdleTimeout() {
    return socketIdleTimeout;
  }

  public Duration resyncInterval() {
    return resyncInterval;
  }

  public int threads() {
    return Math.max(1, threads);
  }

  /** Threads writing frames to the sockets; 0: the room's actor writes them itself. */
  public int writerThreads() {
    return Math.max(0, writerThreads);
  }

  public int chatHistory() {
    return chatHistory;
  }

  public ClientMessage.Limits messageLimits() {
    return new ClientMessage.Limits(
        maxUpdatesPerPush,
        maxCursorRanges,
        Math.min(chatMaxLength, org.codeshare.chat.entity.ChatMessage.MAX_TEXT_LENGTH));
  }

  /** What clients are told in {@code hello}, so they can stay inside the limits. */
  public JsonObject clientLimits() {
    return JSON.createObjectBuilder()
        .add("maxMessageBytes", maxMessageBytes)
        .add("maxDocLength", maxDocLength)
        .add("maxUpdatesPerPush", maxUpdatesPerPush)
        .add("messagesPerSecond", messagesPerSecond)
        .add("maxChatLength", messageLimits().maxChatLength())
        .build();
  }
}
