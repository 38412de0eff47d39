package org.codeshare.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The numbers of one run and the end-state checks: every author of a room at the same version and
 * length as the history in PostgreSQL, the authors that keep text equal to it character for
 * character, and every confirmed edit's token in it exactly once.
 */
record Result(
    int authors,
    int rooms,
    int typists,
    long typed,
    long confirmed,
    long committedUnconfirmed,
    double editsPerSecond,
    long deliveries,
    long expectedDeliveries,
    long lostEdits,
    long duplicatedEdits,
    long divergent,
    Histogram delivery,
    Histogram deliveryFromSend,
    Histogram confirmation,
    Histogram fanOut,
    long incompleteFanOut,
    double serverCores,
    double cpuMsPer1000,
    double driverCores,
    boolean settled,
    Map<String, Long> errors,
    String machine) {

  private static final Pattern TOKEN = Pattern.compile("\\{(\\d+)\\.(\\d+)}");

  static Result of(Run run, long typingNanos, long wallNanos, long cpu, long self, boolean settled)
      throws Exception {
    var recorder = run.recorder();
    long typed = 0;
    long confirmed = 0;
    long extra = 0;
    long expected = 0;
    long delivered = 0;
    long lost = 0;
    long divergent = 0;
    long duplicated = 0;
    long incomplete = 0;
    var fanOut = new Histogram();
    var timeline = new java.util.TreeMap<Long, Histogram>();
    int authors = 0;
    int typists = 0;
    for (var room : run.rooms) {
      var stored = run.node().stored(room.slug());
      var tokens = new HashMap<Long, Integer>();
      var matcher = TOKEN.matcher(stored.doc());
      while (matcher.find()) {
        long key = Long.parseLong(matcher.group(1)) << 32 | Long.parseLong(matcher.group(2));
        tokens.merge(key, 1, Integer::sum);
      }
      long roomConfirmed = 0;
      for (var author : room.authors()) {
        authors++;
        typed += author.typed();
        if (author.typed() > 0) {
          typists++;
        }
        roomConfirmed += author.confirmed();
        for (int seq = 0; seq < author.confirmed(); seq++) {
          if (tokens.getOrDefault((long) author.index << 32 | seq, 0) == 0) {
            if (lost++ < 3) {
              describeMissing(stored.doc(), author, seq);
            }
          }
          int got = recorder.receivedBy(author.index, seq);
          expected += room.authors().size() - 1;
          delivered += got;
          if (got == room.authors().size() - 1) {
            fanOut.record(recorder.fanOutNanos(author.index, seq));
            timeline
                .computeIfAbsent(
                    recorder.typedAt(author.index, seq) / 1_000_000_000L, s -> new Histogram())
                .record(recorder.fanOutNanos(author.index, seq));
          } else {
            incomplete++;
          }
        }
        boolean same =
            !author.closed()
                && author.version() == stored.version()
                && author.length() == stored.doc().length()
                && (author.text() == null || author.text().equals(stored.doc()));
        if (!same && divergent++ < 3) {
          Report.line(
              "divergent "
                  + author.clientId
                  + ": closed "
                  + author.closed()
                  + " ("
                  + author.closeCode()
                  + "), version "
                  + author.version()
                  + " of "
                  + stored.version()
                  + ", length "
                  + author.length()
                  + " of "
                  + stored.doc().length()
                  + (author.text() == null
                      ? ""
                      : ", text equal " + author.text().equals(stored.doc())));
        }
      }
      confirmed += roomConfirmed;
      duplicated += tokens.values().stream().filter(n -> n > 1).count();
      extra += tokens.size() - roomConfirmed;
    }
    report(timeline);
    var cursorFanOut = new Histogram();
    long cursorsIncomplete = 0;
    for (var room : run.rooms) {
      cursorsIncomplete +=
          recorder.cursors.fanOut(room.authors(), room.authors().size() - 1, cursorFanOut);
    }
    if (cursorFanOut.count() + cursorsIncomplete > 0) {
      Report.line(
          "cursor relay fan-out p50 / p95 / p99 / max ms ("
              + cursorFanOut.count()
              + " moves everywhere, "
              + cursorsIncomplete
              + " not): "
              + percentiles(cursorFanOut));
    }
    var ping = recorder.ping;
    if (ping.count() > 0) {
      Report.line(
          "ping round trip p50 / p95 / p99 / max ms ("
              + ping.count()
              + " pongs): "
              + percentiles(ping));
    }
    double seconds = typingNanos / 1e9;
    return new Result(
        authors,
        run.rooms.size(),
        typists,
        typed,
        confirmed,
        extra,
        confirmed / seconds,
        delivered,
        expected,
        lost,
        duplicated,
        divergent,
        recorder.delivery,
        recorder.deliveryFromSend,
        recorder.confirmation,
        fanOut,
        incomplete,
        cpu / (double) wallNanos,
        confirmed == 0 ? 0 : cpu / 1e6 / confirmed * 1000,
        self / (double) wallNanos,
        settled,
        recorder.errors(),
        run.machine());
  }

  /** Where a missing edit should have been: next to the author's previous one, if it is there. */
  private static void describeMissing(String doc, Author author, int seq) {
    var previous = "{" + author.index + "." + (seq - 1) + "}";
    int at = doc.indexOf(previous);
    Report.line(
        "missing {"
            + author.index
            + "."
            + seq
            + "} (confirmed "
            + author.confirmed()
            + ", typed "
            + author.typed()
            + "); around "
            + previous
            + ": "
            + (at < 0
                ? "absent"
                : doc.substring(Math.max(0, at - 40), Math.min(doc.length(), at + 80))));
  }

  /** p50 / p95 / p99 / max in ms. */
  private static String percentiles(Histogram histogram) {
    return Report.ms(histogram.percentileNanos(.5))
        + " / "
        + Report.ms(histogram.percentileNanos(.95))
        + " / "
        + Report.ms(histogram.percentileNanos(.99))
        + " / "
        + Report.ms(histogram.maxNanos());
  }

  static String header() {
    return "| authors | rooms | edits/s | fan-out p50 / p95 / p99 / max ms | delivery p50 / p95 / p99"
        + " ms | confirm p95 ms | deliveries | lost | divergent | server CPU (cores) | CPU ms per"
        + " 1,000 edits | driver CPU | errors |\n"
        + "|---|---|---|---|---|---|---|---|---|---|---|---|---|";
  }

  String row() {
    List<String> cells = new ArrayList<>();
    cells.add(Integer.toString(authors));
    cells.add(Integer.toString(rooms));
    cells.add(String.format("%.0f", editsPerSecond));
    cells.add(percentiles(fanOut));
    cells.add(
        Report.ms(delivery.percentileNanos(.5))
            + " / "
            + Report.ms(delivery.percentileNanos(.95))
            + " / "
            + Report.ms(delivery.percentileNanos(.99)));
    cells.add(Report.ms(confirmation.percentileNanos(.95)));
    cells.add(deliveries + " of " + expectedDeliveries);
    cells.add(
        Long.toString(lostEdits)
            + (duplicatedEdits > 0 ? " (" + duplicatedEdits + " twice)" : "")
            + (incompleteFanOut > 0 ? " (" + incompleteFanOut + " not everywhere)" : "")
            + (settled ? "" : " (unsettled: " + (typed - confirmed) + " unconfirmed)"));
    cells.add(Long.toString(divergent));
    cells.add(String.format("%.2f", serverCores));
    cells.add(String.format("%.0f", cpuMsPer1000));
    cells.add(String.format("%.2f", driverCores));
    cells.add(errors.isEmpty() ? "none" : errors.toString());
    return "| " + String.join(" | ", cells) + " |";
  }

  /** Fan-out per second of typing, in the log: where in the run the tail is. */
  private static void report(java.util.TreeMap<Long, Histogram> timeline) {
    if (timeline.isEmpty()) {
      return;
    }
    long first = timeline.firstKey();
    long startMillis = System.currentTimeMillis() - System.nanoTime() / 1_000_000 + first * 1000;
    var line =
        new StringBuilder(
            "fan-out p95 / max ms per second of typing from "
                + java.time.Instant.ofEpochMilli(startMillis)
                + ":");
    timeline.forEach(
        (second, histogram) ->
            line.append(
                String.format(
                    " %d:%.0f/%.0f",
                    second - first,
                    histogram.percentileNanos(0.95) / 1e6,
                    histogram.maxNanos() / 1e6)));
    Report.line(line.toString());
  }
}
