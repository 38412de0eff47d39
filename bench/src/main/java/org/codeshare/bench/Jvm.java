package org.codeshare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** A running JVM read from outside: its CPU time, its heap, its threads, any {@code jcmd}. */
final class Jvm {

  private static final Pattern HEAP_USED =
      Pattern.compile(
          "(?:garbage-first heap|def new generation|PSYoungGen|ZHeap)[^\\n]*?used (\\d+)([KM])");

  private final long pid;
  private final Path java;
  private final Path dumps;

  /**
   * @param java the JDK whose {@code jcmd} talks to it
   * @param dumps where thread dumps are written, as {@code dumps-<millis>.txt}
   */
  Jvm(long pid, Path java, Path dumps) {
    this.pid = pid;
    this.java = java;
    this.dumps = dumps;
  }

  /** User plus system CPU time of the process, in nanoseconds. */
  long cpuNanos() {
    return cpuNanos(pid);
  }

  /** User plus system CPU time of process {@code pid}, in nanoseconds; -1 when unreadable. */
  static long cpuNanos(long pid) {
    try {
      var stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
      return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    } catch (IOException e) {
      return -1;
    }
  }

  /** Heap in use right after a full collection, in bytes (jcmd GC.run, then GC.heap_info). */
  long heapAfterGc() throws Exception {
    jcmd("GC.run");
    var info = jcmd("GC.heap_info");
    var matcher = HEAP_USED.matcher(info);
    if (!matcher.find()) {
      throw new IllegalStateException("cannot read the heap from: " + info);
    }
    return Long.parseLong(matcher.group(1)) * ("M".equals(matcher.group(2)) ? 1024 * 1024 : 1024);
  }

  String jcmd(String... args) throws Exception {
    var command = new ArrayList<String>();
    command.add(java.resolve("bin").resolve("jcmd").toString());
    command.add(Long.toString(pid));
    command.addAll(List.of(args));
    var process = new ProcessBuilder(command).redirectErrorStream(true).start();
    var out = new String(process.getInputStream().readAllBytes());
    process.waitFor(2, TimeUnit.MINUTES);
    return out;
  }

  /** Writes a dump of the threads; returns the file. */
  Path dumpThreads() throws Exception {
    var file =
        dumps.resolveSibling(dumps.getFileName() + "-" + System.currentTimeMillis() + ".txt");
    Files.writeString(file, jcmd("Thread.print", "-l"));
    return file;
  }
}
