package org.codeshare.bench;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

/**
 * The in-memory Node.js server of {@code bench/reference/relay.mjs}, started in place of PostgreSQL
 * and a node ({@code --reference}): the same driver, authors and checks, against a server that
 * keeps the room in memory, persists nothing and runs on one thread. Its room's text for the
 * end-of-run check comes from its {@code /reference/rooms/{slug}}.
 */
final class ReferenceServer {

  private ReferenceServer() {}

  static Node start(Options options) throws Exception {
    var dir = Files.createTempDirectory("codeshare-bench-");
    int port = Node.freePort();
    var log = dir.resolve("reference.log");
    var builder =
        new ProcessBuilder(List.of("node", options.reference.toString(), Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().putAll(options.serverEnv); // REFERENCE_FRAMES_PER_SECOND, say
    var process = builder.start();
    var node = Node.started(null, process, port, log, options.serverJava, Duration.ofSeconds(30));
    Report.line("reference server (Node.js) pid " + node.pid + " on " + node.base + ", log " + log);
    return node;
  }

  /** The room's version and text as the reference server holds them. */
  static Node.Stored stored(URI base, String slug) throws Exception {
    var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    var body =
        client
            .send(
                HttpRequest.newBuilder(base.resolve("reference/rooms/" + slug)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    try (var reader = Json.createReader(new StringReader(body))) {
      var room = reader.readObject();
      return new Node.Stored(room.getJsonNumber("version").longValue(), room.getString("doc"));
    }
  }
}
