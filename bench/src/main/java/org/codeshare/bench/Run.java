package org.codeshare.bench;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One measured run: connects every author of every room, lets the typists type for the duration,
 * waits until everything is confirmed, then checks the rooms against what PostgreSQL holds.
 */
final class Run {

  /** One room: its slug and its authors. */
  record Room(String slug, List<Author> authors) {}

  private final Node node;
  private final Api api;
  private final Options options;
  private final Recorder recorder;
  final List<Room> rooms = new ArrayList<>();
  private final List<Wire> wires = new ArrayList<>();
  private final ExecutorService reopener = Executors.newSingleThreadExecutor();
  private String machine = "";

  /**
   * @param seconds how long the authors type: the recorder keeps room for what they send meanwhile
   */
  Run(Node node, Options options, int authors, int seconds) {
    this.node = node;
    this.api = new Api(node.base);
    this.options = options;
    this.recorder =
        new Recorder(
            authors,
            Bench.capacity(options.rate, seconds),
            options.cursor > 0 ? Bench.capacity(options.cursor, seconds) : 0);
    for (int i = 0; i < options.wires; i++) {
      try {
        wires.add(new Wire("wire-" + i));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  Recorder recorder() {
    return recorder;
  }

  /** Creates {@code count} rooms of {@code size} authors; the first two of each keep the text. */
  void createRooms(int count, int size) throws Exception {
    var slugs = parallel(count, i -> api.createRoom("bench " + i));
    for (int r = 0; r < count; r++) {
      var authors = new ArrayList<Author>();
      for (int a = 0; a < size; a++) {
        authors.add(new Author(r * size + a, r * size, size, recorder, a < 2));
      }
      rooms.add(new Room(slugs.get(r), authors));
    }
  }

  /**
   * Opens every author's socket (ticket, then handshake) and waits for every hello. A socket closed
   * before its hello is opened again, as the browser does.
   */
  void connect() throws Exception {
    var all = rooms.stream().flatMap(r -> r.authors().stream().map(a -> new Object[] {r, a}));
    var list = all.toList();
    parallel(
        list.size(),
        i -> {
          var room = (Room) list.get(i)[0];
          var author = (Author) list.get(i)[1];
          var wire = wires.get(i % wires.size());
          author.reopenWith(() -> reopener.execute(() -> reopen(wire, room, author)));
          return wire.connect(api.editorUri(room.slug(), author.clientId), author);
        });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
    while (!list.stream().allMatch(o -> ((Author) o[1]).ready())) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not every author got its hello: " + missingHellos());
      }
      Thread.sleep(50);
    }
  }

  private void reopen(Wire wire, Room room, Author author) {
    try {
      wire.connect(api.editorUri(room.slug(), author.clientId), author);
    } catch (Exception e) {
      recorder.error("reopen-failed");
      author.onClose(1006);
    }
  }

  /**
   * Which authors have no hello, by state (still open, or closed with its code), in how many rooms,
   * what the node counts, and where its thread dump is.
   */
  private String missingHellos() {
    var byState = new TreeMap<String, Integer>();
    var slugs = new LinkedHashSet<String>();
    for (var room : rooms) {
      for (var author : room.authors()) {
        if (!author.ready()) {
          byState.merge(author.closed() ? "closed " + author.closeCode() : "open", 1, Integer::sum);
          slugs.add(room.slug());
        }
      }
    }
    String dump;
    try {
      dump = node.jvm.dumpThreads().toString();
    } catch (Exception e) {
      dump = "none (" + e + ")";
    }
    return byState
        + " in "
        + slugs.size()
        + " rooms, e.g. "
        + slugs.stream().limit(5).toList()
        + "; node: "
        + node.gauges()
        + "; thread dump "
        + dump;
  }

  /**
   * Typing for the duration (Poisson arrivals at {@code rate} per typist, and {@code pings} pings
   * and {@code cursors} cursor moves per second if above 0), then the drain.
   */
  Result type(List<Author> typists, int seconds, double rate, double pings, double cursors)
      throws Exception {
    long cpu0 = node.jvm.cpuNanos();
    var machine0 = MachineTime.now();
    long self0 = Jvm.cpuNanos(ProcessHandle.current().pid());
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    var sampler = new Sampler(node, options.sample);
    var timer = Executors.newScheduledThreadPool(2);
    var random = new Random(42);
    for (var author : typists) {
      long first = (long) (random.nextDouble() * 1e9 / rate);
      timer.schedule(() -> keepTyping(timer, author, end, rate), first, TimeUnit.NANOSECONDS);
      if (pings > 0) {
        long ping = (long) (random.nextDouble() * 1e9 / pings);
        timer.schedule(() -> keepProbing(timer, author::ping, end, pings), ping, NANOSECONDS);
      }
      if (cursors > 0) {
        long move = (long) (random.nextDouble() * 1e9 / cursors);
        timer.schedule(
            () -> keepProbing(timer, author::moveCursor, end, cursors), move, NANOSECONDS);
      }
    }
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime()) + 1);
    timer.shutdown();
    timer.awaitTermination(10, TimeUnit.SECONDS);
    long typingEnd = System.nanoTime();
    machine = MachineTime.now().since(machine0);
    Report.line("the machine while typing: " + machine);
    sampler.close();
    boolean settled = drain(TimeUnit.SECONDS.toNanos(60));
    long drained = System.nanoTime();
    long cpu = node.jvm.cpuNanos() - cpu0;
    long self = Jvm.cpuNanos(ProcessHandle.current().pid()) - self0;
    return Result.of(this, typingEnd - start, drained - start, cpu, self, settled);
  }

  private void keepTyping(ScheduledExecutorService timer, Author author, long end, double rate) {
    author.type();
    double gap = -Math.log(1 - Math.random()) / rate * 1e9;
    long next = System.nanoTime() + (long) gap;
    if (next < end && !timer.isShutdown()) {
      timer.schedule(() -> keepTyping(timer, author, end, rate), (long) gap, TimeUnit.NANOSECONDS);
    }
  }

  private void keepProbing(ScheduledExecutorService timer, Runnable probe, long end, double rate) {
    probe.run();
    double gap = -Math.log(1 - Math.random()) / rate * 1e9;
    if (System.nanoTime() + (long) gap < end && !timer.isShutdown()) {
      timer.schedule(() -> keepProbing(timer, probe, end, rate), (long) gap, NANOSECONDS);
    }
  }

  /** Waits until every author has its edits confirmed and its room's authors agree on a version. */
  private boolean drain(long timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout;
    while (System.nanoTime() < deadline) {
      boolean done = true;
      for (var room : rooms) {
        long version = -2;
        for (var author : room.authors()) {
          if (author.closed()) {
            continue;
          }
          if (!author.settled() || (version != -2 && author.version() != version)) {
            done = false;
            break;
          }
          version = author.version();
        }
        if (!done) {
          break;
        }
      }
      if (done) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  void close() {
    reopener.shutdownNow();
    rooms.forEach(r -> r.authors().forEach(Author::close));
    for (var wire : wires) {
      try {
        wire.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  Node node() {
    return node;
  }

  /** The machine's busy and stolen CPU time while the authors typed ({@link MachineTime}). */
  String machine() {
    return machine;
  }

  interface Task<T> {
    T call(int i) throws Exception;
  }

  /** Runs {@code count} blocking calls on 16 threads; results in order. */
  static <T> List<T> parallel(int count, Task<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      var calls = new ArrayList<Callable<T>>();
      for (int i = 0; i < count; i++) {
        int n = i;
        calls.add(() -> task.call(n));
      }
      var results = new ArrayList<T>();
      for (var future : pool.invokeAll(calls)) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
