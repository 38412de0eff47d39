package org.codeshare.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/** Progress on standard error; results on standard output and, if asked, appended to a file. */
final class Report {

  private static Path out;

  private Report() {}

  static void to(Path file) {
    out = file;
  }

  static void line(String text) {
    System.err.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + text);
  }

  static void result(String text) {
    System.out.println(text);
    if (out != null) {
      try {
        Files.writeString(out, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static String ms(long nanos) {
    return String.format("%.2f", nanos / 1e6);
  }
}
