package org.codeshare.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The whole machine's CPU time from {@code /proc/stat}: how busy its cores were over an interval,
 * and how much of the time they were ready to run while the host ran something else (steal). On a
 * virtual machine the steal is the host's other tenants: time in which whatever was ready to run
 * here, the node, PostgreSQL or the driver, waited.
 */
record MachineTime(long busy, long idle, long steal) {

  static MachineTime now() {
    try {
      var fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long user = Long.parseLong(fields[1]) + Long.parseLong(fields[2]);
      long system = Long.parseLong(fields[3]);
      long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
      long interrupts = Long.parseLong(fields[6]) + Long.parseLong(fields[7]);
      long steal = Long.parseLong(fields[8]);
      return new MachineTime(user + system + interrupts, idle, steal);
    } catch (IOException | RuntimeException e) {
      return new MachineTime(0, 0, 0);
    }
  }

  /**
   * Busy and stolen shares of the machine's CPU time since {@code before}, e.g. "busy 31 %, steal
   * 7.8 %".
   */
  String since(MachineTime before) {
    long busyTicks = busy - before.busy;
    long stealTicks = steal - before.steal;
    long all = busyTicks + stealTicks + idle - before.idle;
    if (all <= 0) {
      return "busy ?, steal ?";
    }
    return String.format(
        java.util.Locale.ROOT,
        "busy %.0f %%, steal %.1f %%",
        100.0 * busyTicks / all,
        100.0 * stealTicks / all);
  }
}
