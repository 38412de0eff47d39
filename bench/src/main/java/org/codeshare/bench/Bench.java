package org.codeshare.bench;

import java.util.List;

/**
 * Entry point: starts the node under test, then runs the curve (one room of N authors per run, all
 * typing) or the rooms scenario (many mostly idle sockets in many rooms), printing a Markdown row
 * per run.
 */
public final class Bench {

  private Bench() {}

  public static void main(String[] args) throws Exception {
    var options = Options.parse(args);
    Report.to(options.out);
    Report.line(
        "load average "
            + loadAverage()
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " processors, driver GC "
            + collectors());
    if (!collectors().contains("ZGC")) {
      // One driver stands in for thousands of browsers: its stop-the-world pause stops all of
      // them at once and lands in every latency measured across it.
      Report.line("the driver is not on ZGC: run it with -XX:+UseZGC, or its own pauses count");
    }
    if (!preTouched()) {
      // Its heap then grows into memory never touched before while hundreds of authors type: the
      // kernel's page faults took the driver up to a core for seconds, and every latency measured
      // across them jumped by seconds (docs/benchmarks.md, stage 12).
      Report.line(
          "the driver's heap is not pre-touched: run it with -Xms4g -Xmx4g -XX:+AlwaysPreTouch,"
              + " or its page faults count");
    }
    try (var node = Node.start(options)) {
      if (options.jfr != null) {
        Report.line(
            node.jvm.jcmd(
                "JFR.start", "name=bench", "settings=profile", "filename=" + options.jfr));
      }
      switch (options.scenario) {
        case "curve" -> curve(node, options);
        case "rooms" -> rooms(node, options);
        default -> throw new IllegalArgumentException("unknown scenario " + options.scenario);
      }
      if (options.jfr != null) {
        Report.line(node.jvm.jcmd("JFR.stop", "name=bench"));
      }
    }
    System.exit(0);
  }

  private static boolean preTouched() {
    var vm =
        java.lang.management.ManagementFactory.getPlatformMXBean(
            com.sun.management.HotSpotDiagnosticMXBean.class);
    return Boolean.parseBoolean(vm.getVMOption("AlwaysPreTouch").getValue());
  }

  private static String collectors() {
    return String.join(
        ", ",
        java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
            .map(java.lang.management.GarbageCollectorMXBean::getName)
            .toList());
  }

  private static void curve(Node node, Options options) throws Exception {
    if (options.warmup > 0) {
      Report.line("warm-up: 50 authors, " + options.warmup + " s (not reported)");
      single(node, options, 50, options.warmup);
    }
    Report.result("");
    Report.result(
        "One room, each author typing "
            + options.rate
            + " edits/s for "
            + options.duration
            + " s; load average before: "
            + loadAverage());
    Report.result("");
    Report.result(Result.header());
    for (int authors : options.authors) {
      var load = loadAverage();
      var result = single(node, options, authors, options.duration);
      Report.result(result.row() + " <!-- load " + load + "; " + result.machine() + " -->");
    }
  }

  private static Result single(Node node, Options options, int authors, int seconds)
      throws Exception {
    var run = new Run(node, options, authors, seconds);
    try {
      run.createRooms(1, authors);
      run.connect();
      Report.line(authors + " authors connected; typing for " + seconds + " s");
      var typists = run.rooms.get(0).authors();
      var result = run.type(typists, seconds, options.rate, options.ping, options.cursor);
      Report.line(Result.header().lines().findFirst().orElseThrow());
      Report.line(result.row());
      return result;
    } finally {
      run.close();
      Thread.sleep(2000);
    }
  }

  private static void rooms(Node node, Options options) throws Exception {
    int perRoom = options.connections / options.rooms;
    if (options.warmup > 0) {
      int warmRooms = Math.max(1, Math.min(options.rooms, options.typists) / 5);
      Report.line(
          "warm-up: "
              + warmRooms
              + " rooms of "
              + perRoom
              + ", one typist each, "
              + options.warmup
              + " s (not reported)");
      var warm = new Run(node, options, perRoom * warmRooms, options.warmup);
      try {
        warm.createRooms(warmRooms, perRoom);
        warm.connect();
        warm.type(
            warm.rooms.stream().map(r -> r.authors().get(0)).toList(),
            options.warmup,
            options.rate,
            0,
            0);
      } finally {
        warm.close();
        Thread.sleep(2000);
      }
    }
    var run = new Run(node, options, perRoom * options.rooms, options.duration);
    try {
      run.createRooms(options.rooms, perRoom);
      long before = node.jvm.heapAfterGc();
      Report.line("heap after GC before connecting: " + before / 1024 + " KB");
      long t0 = System.nanoTime();
      run.connect();
      long connectSeconds = (System.nanoTime() - t0) / 1_000_000_000L;
      long after = node.jvm.heapAfterGc();
      int connections = perRoom * options.rooms;
      Report.result("");
      Report.result(
          connections
              + " connections in "
              + options.rooms
              + " rooms, opened in "
              + connectSeconds
              + " s; heap after GC "
              + before / 1024
              + " KB before, "
              + after / 1024
              + " KB after: "
              + (after - before) / connections / 1024.0
              + " KB per idle connection (rooms loaded included); load average "
              + loadAverage());
      int step = Math.max(1, options.rooms / Math.max(1, options.typists));
      var typists =
          java.util.stream.IntStream.range(0, options.rooms)
              .filter(r -> r % step == 0)
              .limit(options.typists)
              .mapToObj(r -> run.rooms.get(r).authors().get(0))
              .toList();
      Thread.sleep(options.settle * 1000L);
      Report.line(typists.size() + " typists, one per room, for " + options.duration + " s");
      var result = run.type(typists, options.duration, options.rate, options.ping, options.cursor);
      Report.result("");
      Report.result(Result.header());
      Report.result(
          result.row() + " <!-- " + typists.size() + " typing; " + result.machine() + " -->");
      Report.result("");
      Report.result(
          "heap after GC with the connections open after the run: "
              + node.jvm.heapAfterGc() / 1024
              + " KB");
    } finally {
      run.close();
    }
  }

  /** Room for what an author sends at {@code rate} per second for {@code seconds}, and more. */
  static int capacity(double rate, int seconds) {
    return (int) (rate * seconds * 2 + 100);
  }

  static String loadAverage() {
    try {
      var parts = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
      return String.join(" ", List.of(parts[0], parts[1], parts[2]));
    } catch (java.io.IOException e) {
      return "?";
    }
  }
}
