package org.codeshare.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * One more CodeShare node: {@code codeshare.war} on Payara Micro in a child process, on a free
 * port, with this JVM's environment plus the given variables. {@link #start} returns once the node
 * is ready; {@link #close()} stops it, and so does this JVM's exit, so a failing test leaves no
 * process behind. Use with try-with-resources.
 *
 * <p>The jar and the WAR come from the system properties {@value #MICRO_JAR} and {@value #WAR}
 * unless given; the node's output goes to a file in {@value #LOG_DIR} (else a temp directory).
 */
public final class MicroNode implements AutoCloseable {

  public static final String MICRO_JAR = "payara.micro.jar";
  public static final String WAR = "codeshare.micro.war";
  public static final String LOG_DIR = "codeshare.micro.log-dir";
  private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final URI base;
  private final Path runtimeDir;
  private final Path log;
  private final Thread shutdownHook;
  private boolean closed;

  private MicroNode(Process process, URI base, Path runtimeDir, Path log) {
    this.process = process;
    this.base = base;
    this.runtimeDir = runtimeDir;
    this.log = log;
    this.shutdownHook = new Thread(this::stopProcess, "stop Payara Micro pid " + process.pid());
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Starts the WAR and jar named by system properties; see {@link #start(Path, Path, Map,
   * Duration)}.
   */
  public static MicroNode start(Map<String, String> environment) {
    return start(environment, List.of());
  }

  /** As {@link #start(Map)}, with more Payara Micro arguments (e.g. {@code --logproperties f}). */
  public static MicroNode start(Map<String, String> environment, List<String> arguments) {
    return start(property(MICRO_JAR), property(WAR), environment, arguments, READY_TIMEOUT, true);
  }

  /**
   * As {@link #start(Map)}, but with none of the test JVM's environment (the test suites point it
   * at the real servers) beyond {@link #BASIC_ENVIRONMENT}: the node sees what a fresh machine
   * gives it, and {@code environment}.
   */
  public static MicroNode startAlone(Map<String, String> environment) {
    return start(property(MICRO_JAR), property(WAR), environment, List.of(), READY_TIMEOUT, false);
  }

  /** What a node started {@link #startAlone alone} keeps of the environment. */
  public static final java.util.Set<String> BASIC_ENVIRONMENT =
      java.util.Set.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME", "USER");

  /** Starts a node and waits until {@code /health/ready} answers 200, at most {@code timeout}. */
  public static MicroNode start(
      Path microJar, Path war, Map<String, String> environment, Duration timeout) {
    return start(microJar, war, environment, List.of(), timeout, true);
  }

  private static MicroNode start(
      Path microJar,
      Path war,
      Map<String, String> environment,
      List<String> arguments,
      Duration timeout,
      boolean inheritEnvironment) {
    requireFile(microJar);
    requireFile(war);
    var port = Ports.freePort();
    MicroNode node;
    try {
      var runtimeDir = Files.createTempDirectory("codeshare-micro-");
      var log = logFile(port);
      var command =
          new ArrayList<>(
              List.of(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-XX:TieredStopAtLevel=1",
                  "-jar",
                  microJar.toString(),
                  "--nocluster",
                  "--port",
                  Integer.toString(port),
                  "--rootdir",
                  runtimeDir.toString(),
                  "--deploy",
                  war.toString(),
                  "--contextroot",
                  "/"));
      command.addAll(arguments);
      var builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.redirectOutput(log.toFile());
      if (!inheritEnvironment) {
        builder.environment().keySet().retainAll(BASIC_ENVIRONMENT);
      }
      builder.environment().putAll(environment);
      node =
          new MicroNode(
              builder.start(), URI.create("http://127.0.0.1:" + port + "/"), runtimeDir, log);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Payara Micro", e);
    }
    try {
      node.awaitReady(timeout);
      return node;
    } catch (RuntimeException | Error e) {
      node.close();
      throw e;
    }
  }

  public URI base() {
    return base;
  }

  public AppClient client() {
    return AppClient.at(base);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public Path log() {
    return log;
  }

  private void awaitReady(Duration timeout) {
    var deadline = System.nanoTime() + timeout.toNanos();
    var client = client();
    var last = "no answer";
    while (true) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Payara Micro exited with " + process.exitValue() + " before it was ready" + logTail());
      }
      try {
        var reply = client.get("health/ready");
        if (reply.status() == 200) {
          return;
        }
        last = reply.status() + " " + reply.body();
      } catch (UncheckedIOException notListeningYet) {
        last = String.valueOf(notListeningYet.getCause());
      }
      if (System.nanoTime() - deadline >= 0) {
        throw new AssertionError(
            "Payara Micro on "
                + base
                + " not ready within "
                + timeout
                + " (last health/ready: "
                + last
                + ")"
                + logTail());
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
    }
  }

  /** The exit code once the process has ended. */
  public int exitValue() {
    return process.exitValue();
  }

  /**
   * Kills the node as {@code kill -9} would (SIGKILL: no shutdown hooks, no closing handshakes, no
   * goodbye to Redis) and waits until it is gone. {@link #close()} still cleans up after it.
   */
  public void kill() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("Payara Micro pid " + process.pid() + " survived a kill");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the process (gracefully, then forcibly) and deletes its runtime directory. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or will run
    }
    stopProcess();
    deleteRecursively(runtimeDir);
  }

  private void stopProcess() {
    var family = new ArrayList<ProcessHandle>();
    process.descendants().forEach(family::add);
    family.add(process.toHandle());
    family.forEach(ProcessHandle::destroy);
    for (var member : family) {
      try {
        member.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception notYet) {
        member.destroyForcibly();
      }
    }
    try {
      if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("Payara Micro pid " + process.pid() + " did not stop");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private String logTail() {
    try {
      var lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return "; last lines of "
          + log
          + ":\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException | UncheckedIOException e) {
      return "; no log at " + log;
    }
  }

  private static Path logFile(int port) throws IOException {
    var dir = System.getProperty(LOG_DIR);
    var directory = dir == null ? Files.createTempDirectory("codeshare-micro-log-") : Path.of(dir);
    Files.createDirectories(directory);
    return directory.resolve("payara-micro-" + port + ".log");
  }

  private static Path property(String name) {
    var value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set");
    }
    return Path.of(value);
  }

  private static void requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("build it first: " + file + " does not exist");
    }
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp directory is not worth failing a test for
    }
  }
}
