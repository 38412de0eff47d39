package org.codeshare.presence.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.BooleanSupplier;
import org.codeshare.presence.entity.Peer;
import org.codeshare.redis.control.RedisConnection;
import org.codeshare.rooms.entity.RoomRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/**
 * Several nodes' presence sharing one real Redis. Heartbeats are driven by the test (the timers are
 * set to an hour), and a node "dies" by no longer beating.
 */
class RedisPresenceTest {

  private static final Duration TTL = Duration.ofMillis(300);
  private static RedisServer server;
  private static JedisPooled client;

  private final UUID room = UUID.randomUUID();
  private final List<Node> nodes = new ArrayList<>();

  /** One node's presence and what it reported. */
  private record Node(
      Presence presence, List<Presence.Departed> departed, List<Presence.Returned> returned) {}

  @BeforeAll
  static void startRedis() throws IOException {
    int port;
    try (var socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    server = RedisServer.builder().port(port).bind("127.0.0.1").setting("save \"\"").build();
    server.start();
    client = new JedisPooled(URI.create("redis://127.0.0.1:" + port), 2000);
  }

  @AfterAll
  static void stopRedis() throws IOException {
    client.close();
    server.stop();
  }

  @AfterEach
  void stopNodes() {
    nodes.forEach(node -> node.presence().stop());
  }

  private Node node() {
    var presence = new Presence();
    presence.redis =
        new RedisConnection() {
          @Override
          public boolean configured() {
            return true;
          }

          @Override
          public synchronized Optional<JedisPooled> client() {
            return Optional.of(client);
          }
        };
    presence.threads = new Threads();
    presence.heartbeatInterval = Duration.ofHours(1);
    presence.ttl = TTL;
    var node = new Node(presence, new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
    presence.start(node.departed()::add, node.returned()::add);
    nodes.add(node);
    return node;
  }

  private static Peer peer(String id) {
    return new Peer(id, id.toUpperCase(), "#123456", RoomRole.EDITOR);
  }

  /** Beats {@code alive} until {@code condition} holds, failing after five seconds. */
  private static void beatUntil(BooleanSupplier condition, Node... alive) {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() - deadline).as("in time").isNegative();
      for (var node : alive) {
        node.presence().heartbeat();
      }
      Thread.onSpinWait();
    }
  }

  @Test
  void everyNodeSeesTheConnectionsOfTheOthersButNotItsOwn() {
    var a = node();
    var b = node();
    a.presence().enter(room, peer("ann"), "ann");
    b.presence().enter(room, peer("bob"), "bob");

    assertThat(a.presence().elsewhere(room)).containsExactly(peer("bob"));
    assertThat(b.presence().elsewhere(room)).containsExactly(peer("ann"));

    b.presence().leave(room, "bob");
    assertThat(a.presence().elsewhere(room)).isEmpty();
  }

  @Test
  void aDeadNodesConnectionsAreRemovedOnceAndReportedAsDeparted() {
    var dead = node();
    var b = node();
    var c = node();
    dead.presence().enter(room, peer("ann"), "ann");
    b.presence().enter(room, peer("bob"), "bob");
    c.presence().enter(room, peer("cid"), "cid");

    beatUntil(() -> b.departed().size() + c.departed().size() == 1, b, c);
    for (int i = 0; i < 5; i++) {
      b.presence().heartbeat();
      c.presence().heartbeat();
    }

    var departures = new ArrayList<>(b.departed());
    departures.addAll(c.departed());
    assertThat(departures).containsExactly(new Presence.Departed(room, peer("ann")));
    assertThat(b.presence().elsewhere(room)).containsExactly(peer("cid"));
  }

  @Test
  void aLiveNodesConnectionsStayWhileItBeats() {
    var a = node();
    var b = node();
    a.presence().enter(room, peer("ann"), "ann");
    b.presence().enter(room, peer("bob"), "bob");
    long until = System.nanoTime() + 3 * TTL.toNanos();

    beatUntil(() -> System.nanoTime() > until, a, b);

    assertThat(a.departed()).isEmpty();
    assertThat(b.departed()).isEmpty();
    assertThat(b.presence().elsewhere(room)).containsExactly(peer("ann"));
  }

  @Test
  void aNodeTakenForDeadPutsItsConnectionsBackAndReportsThem() {
    var paused = node();
    var b = node();
    paused.presence().enter(room, peer("ann"), "ann");
    b.presence().enter(room, peer("bob"), "bob");
    beatUntil(() -> !b.departed().isEmpty(), b);

    paused.presence().heartbeat();

    assertThat(paused.returned()).containsExactly(new Presence.Returned(room, "ann"));
    assertThat(b.presence().elsewhere(room)).containsExactly(peer("ann"));
  }

  @Test
  void aClientIdClaimedOnOneNodeIsRefusedOnAnotherUntilItsConnectionLeaves() {
    var a = node();
    var b = node();

    assertThat(a.presence().claim(room, "editor-7", "ann", "person-1")).isTrue();
    assertThat(b.presence().claim(room, "editor-7", "bob", "person-2")).isFalse();
    a.presence().leave(room, "ann");

    assertThat(b.presence().claim(room, "editor-7", "bob", "person-2")).isTrue();
  }

  @Test
  void theSamePersonTakesTheirClientIdToAnotherNode() {
    var a = node();
    var b = node();
    a.presence().claim(room, "editor-7", "ann-1", "person-1");

    assertThat(b.presence().claim(room, "editor-7", "ann-2", "person-1")).isTrue();
    a.presence().heartbeat();
    assertThat(a.presence().claim(room, "editor-7", "bob", "person-2"))
        .as("the first node learnt it lost the claim")
        .isFalse();
  }

  @Test
  void aClientIdOfADeadNodeIsFreeOnceTheNodeExpires() {
    var dead = node();
    var b = node();
    dead.presence().enter(room, peer("ann"), "ann");
    dead.presence().claim(room, "editor-7", "ann", "person-1");
    b.presence().enter(room, peer("bob"), "bob");

    assertThat(b.presence().claim(room, "editor-7", "bob", "person-2")).isFalse();
    beatUntil(() -> b.presence().claim(room, "editor-7", "bob", "person-2"), b);
  }

  @Test
  void aClientIdLeftBehindByADrainedNodeIsFreeAtOnce() {
    var drained = node();
    var b = node();
    drained.presence().enter(room, peer("ann"), "ann");
    drained.presence().claim(room, "editor-7", "ann", "person-1");
    b.presence().enter(room, peer("bob"), "bob");
    assertThat(b.presence().claim(room, "editor-7", "bob", "person-2")).isFalse();

    drained.presence().retire(); // its leave never reached Redis

    assertThat(b.presence().claim(room, "editor-7", "bob", "person-2")).isTrue();
    assertThat(b.presence().elsewhere(room)).isEmpty();
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
