package org.codeshare.it.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a node:test file of browser tests ({@code src/test/node/e2e}) against the app and returns
 * its report; {@link #passes} fails the JUnit test, with the report, unless every test passed.
 */
public final class BrowserTests {

  private static final Duration TIMEOUT = Duration.ofMinutes(3);

  private final URI base;
  private final Path nodeDir = Path.of(property("codeshare.it.node-dir"));
  private final Path artifacts = Path.of(property("codeshare.it.artifacts"));
  private final String chromium = property("codeshare.it.chromium");

  private BrowserTests(URI base) {
    this.base = base;
  }

  static BrowserTests against(URI base) {
    return new BrowserTests(base);
  }

  /** The report of {@code e2e/<file>}; fails unless the file ran and all its tests passed. */
  String passes(String file) {
    assertThat(Path.of(chromium))
        .as("Chromium (apt-get install chromium) is needed for the browser tests")
        .isExecutable();
    var run = run(file);
    System.out.println(run.report());
    assertThat(run.exitCode()).as("browser tests in %s:%n%s", file, run.report()).isZero();
    assertThat(run.report()).as("a test ran").containsPattern("(?m)^ℹ pass [1-9]");
    return run.report();
  }

  private Run run(String file) {
    try {
      Files.createDirectories(artifacts);
      var log = artifacts.resolve(file.replace(".test.mjs", "") + ".log");
      var builder =
          new ProcessBuilder(List.of("node", "--test", "--test-reporter=spec", "e2e/" + file))
              .directory(nodeDir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("BASE_URL", base.toString());
      builder.environment().put("CHROMIUM", chromium);
      builder.environment().put("ARTIFACTS", artifacts.toString());
      var process = builder.start();
      if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return new Run(-1, read(log) + "\n(stopped after " + TIMEOUT + ")");
      }
      return new Run(process.exitValue(), read(log));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  private static String property(String name) {
    var value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set");
    }
    return value;
  }

  private record Run(int exitCode, String report) {}
}
