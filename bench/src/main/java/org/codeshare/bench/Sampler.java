package org.codeshare.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The node seen from outside every few seconds (one by default) while the authors type: commits and
 * their mean time, the mean fan-out time (both from the node's metrics), the WAL PostgreSQL wrote
 * and the node's CPU. Logged as one line per run, to tell where a slow second of typing went. A
 * sample costs the node a metrics request and PostgreSQL a query, so it can be spaced out or
 * switched off ({@code --sample}).
 */
final class Sampler implements AutoCloseable {

  private static final List<String> SERIES =
      List.of(
          "codeshare_edit_commit_seconds_count",
          "codeshare_edit_commit_seconds_sum",
          "codeshare_fanout_seconds_sum");

  private final Node node;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> seconds = new ArrayList<>();
  private final int interval;
  private Map<String, Double> last;

  /**
   * @param interval seconds between samples; 0: none
   */
  Sampler(Node node, int interval) {
    this.node = node;
    this.interval = interval;
    if (interval > 0) {
      last = sample();
      timer.scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.SECONDS);
    }
  }

  private void tick() {
    var now = sample();
    double commits = now.get(SERIES.get(0)) - last.get(SERIES.get(0));
    double commitMs = (now.get(SERIES.get(1)) - last.get(SERIES.get(1))) * 1000 / commits;
    double fanoutMs = (now.get(SERIES.get(2)) - last.get(SERIES.get(2))) * 1000 / commits;
    double walKb = (now.get("wal") - last.get("wal")) / 1024;
    double cpu = (now.get("cpu") - last.get("cpu")) / 1e9;
    double busy = (now.get("busy") - last.get("busy")) / 100;
    synchronized (seconds) {
      seconds.add(
          String.format(
              "%d:%.0f/%.1f/%.1f/%.0f/%.2f/%.2f",
              seconds.size() * interval,
              commits / interval,
              commitMs,
              fanoutMs,
              walKb / interval,
              cpu / interval,
              busy / interval));
    }
    last = now;
  }

  private Map<String, Double> sample() {
    var values = new HashMap<String, Double>();
    SERIES.forEach(s -> values.put(s, 0.0));
    try {
      var body =
          http.send(
                  HttpRequest.newBuilder(node.base.resolve("metrics?scope=application")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      body.lines()
          .forEach(
              line -> {
                for (var series : SERIES) {
                  if (line.startsWith(series + "{")) {
                    values.put(series, Double.parseDouble(line.substring(line.indexOf("} ") + 2)));
                  }
                }
              });
    } catch (Exception e) {
      // a missing sample reads as zero
    }
    values.put("wal", (double) node.walBytes());
    values.put("cpu", (double) node.jvm.cpuNanos());
    values.put("busy", busyTicks());
    return values;
  }

  /** Clock ticks (1/100 s) the machine's cores spent on anything but idling, from /proc/stat. */
  private static double busyTicks() {
    try {
      var cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
      var fields = cpu.trim().split("\\s+");
      double busy = 0;
      for (int i = 1; i < fields.length && i <= 8; i++) {
        if (i != 4 && i != 5) { // idle, iowait
          busy += Double.parseDouble(fields[i]);
        }
      }
      return busy;
    } catch (java.io.IOException | RuntimeException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    if (interval == 0) {
      return;
    }
    synchronized (seconds) {
      Report.line(
          "node per second of typing, sampled every "
              + interval
              + " s (commits / commit ms / fan-out ms / WAL KB / node cores / machine cores"
              + " busy): "
              + String.join(" ", seconds));
    }
  }
}
