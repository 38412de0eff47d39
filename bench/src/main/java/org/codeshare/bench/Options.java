package org.codeshare.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Command-line options, {@code --name value} each; see {@link #USAGE}. */
final class Options {

  static final String USAGE =
      """
      java -jar bench/target/codeshare-bench.jar [options]
        --scenario curve|rooms      curve: one room per run, N authors each (default curve)
        --authors 25,50,100         author counts of the curve runs
        --duration 30               seconds of typing per run
        --warmup 15                 seconds of unreported typing first (0: none): curve, one room of
                                    50 authors; rooms, a fifth of the typists in rooms of the same size
        --rate 2                    edits per second per typing author (Poisson arrivals)
        --ping 0                    pings per second per typing author (Poisson, one outstanding
                                    at a time; 0: none): the node answers a ping on the socket's
                                    own thread, so its round trip is the sockets' floor
        --cursor 0                  cursor moves per second per typing author (Poisson; 0: none):
                                    relayed to the room without a commit, so their fan-out is
                                    the edits' without it (set CODESHARE_COLLAB_CURSOR_INTERVAL=PT0S
                                    with --env, or the node holds back moves closer than 50 ms)
        --connections 10000         rooms scenario: sockets in all
        --rooms 2000                rooms scenario: rooms (connections spread evenly)
        --typists 500               rooms scenario: how many of the sockets type (one per room)
        --war micro/target/codeshare.war
        --micro-jar micro/target/payara-micro.jar
        --server-heap 2g            -Xmx of the node
        --server-java <java.home>   the JDK the node runs on (the driver's by default)
        --server-jvm "-XX:+UseG1GC" extra JVM options of the node (space-separated), after the
                                    flags ./codeshare run and the images set (Node.SHIPPED_JVM)
        --micro-args "--nohazelcast" extra Payara Micro options (besides --nocluster and a port)
        --env KEY=VALUE             extra environment of the node (repeatable)
        --pg KEY=VALUE              extra PostgreSQL setting, e.g. wal_compression=on (repeatable)
        --settle 0                  rooms scenario: seconds between the heap reading (a full GC of
                                    the node) and the typing
        --wires 2                   driver threads reading the sockets (each socket is on one)
        --jfr file.jfr              record the node with Java Flight Recorder during the runs
        --out results.md            append the result table here too
        --sample 1                  seconds between the samples of the node during typing (its
                                    metrics, CPU and the WAL written; 0: none)
        --reference bench/reference/relay.mjs
                                    measure the in-memory Node.js reference server instead of a
                                    node (no PostgreSQL, nothing persisted; curve scenario only)
      """;

  String scenario = "curve";
  List<Integer> authors = List.of(25, 50, 100, 200, 300, 400, 500);
  int duration = 30;
  int warmup = 15;
  double rate = 2;
  double ping;
  double cursor;
  int connections = 10_000;
  int rooms = 2_000;
  int typists = 500;
  Path war = Path.of("micro/target/codeshare.war");
  Path microJar = Path.of("micro/target/payara-micro.jar");
  String serverHeap = "2g";
  Path serverJava = Path.of(System.getProperty("java.home"));
  List<String> serverJvmArgs = new ArrayList<>();
  List<String> microArgs = List.of("--nohazelcast");
  Map<String, String> serverEnv = new HashMap<>();
  Map<String, String> postgresConfig = new HashMap<>();
  int settle = 0;
  int wires = 2;
  int sample = 1;
  Path jfr;
  Path out;
  Path reference;

  static Options parse(String[] args) {
    var o = new Options();
    if (List.of(args).contains("--help")) {
      System.out.println(USAGE);
      System.exit(0);
    }
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value for " + args[i] + "\n" + USAGE);
      }
      var value = args[i + 1];
      switch (args[i]) {
        case "--scenario" -> o.scenario = value;
        case "--authors" ->
            o.authors = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        case "--duration" -> o.duration = Integer.parseInt(value);
        case "--warmup" -> o.warmup = Integer.parseInt(value);
        case "--rate" -> o.rate = Double.parseDouble(value);
        case "--ping" -> o.ping = Double.parseDouble(value);
        case "--cursor" -> o.cursor = Double.parseDouble(value);
        case "--connections" -> o.connections = Integer.parseInt(value);
        case "--rooms" -> o.rooms = Integer.parseInt(value);
        case "--typists" -> o.typists = Integer.parseInt(value);
        case "--war" -> o.war = Path.of(value);
        case "--micro-jar" -> o.microJar = Path.of(value);
        case "--server-heap" -> o.serverHeap = value;
        case "--server-java" -> o.serverJava = Path.of(value);
        case "--server-jvm" -> o.serverJvmArgs = List.of(value.trim().split("\\s+"));
        case "--micro-args" ->
            o.microArgs = value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
        case "--env" -> {
          var kv = value.split("=", 2);
          o.serverEnv.put(kv[0], kv[1]);
        }
        case "--pg" -> {
          var kv = value.split("=", 2);
          o.postgresConfig.put(kv[0], kv[1]);
        }
        case "--settle" -> o.settle = Integer.parseInt(value);
        case "--wires" -> o.wires = Integer.parseInt(value);
        case "--sample" -> o.sample = Integer.parseInt(value);
        case "--jfr" -> o.jfr = Path.of(value).toAbsolutePath();
        case "--out" -> o.out = Path.of(value);
        case "--reference" -> o.reference = Path.of(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (o.reference != null) {
      o.sample = 0; // the node's metrics and the WAL: the reference server has neither
      o.jfr = null;
    }
    return o;
  }
}
