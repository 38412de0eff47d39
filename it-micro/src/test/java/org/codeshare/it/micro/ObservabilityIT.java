package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.Await;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.Changes;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A node run as the operations guide says (JSON logs through {@code
 * server-config/logging.properties}, the pre-boot commands), and a scripted session against it: the
 * metrics count exactly what happened, and every log line is JSON carrying the request id, without
 * secrets or document text.
 */
@ExtendWith(RealServersExtension.class)
class ObservabilityIT {

  private static final int AUTH_PER_MINUTE = 3;
  private static final String REJECTIONS = "codeshare_rate_limit_rejections_total";
  private static final String SECRET_TEXT = "document-text-never-logged";
  private static MicroNode node;

  @BeforeAll
  static void startNode(RealServers servers) {
    var environment = new HashMap<>(servers.appEnvironment());
    environment.put("CODESHARE_RATELIMIT_AUTH_PER_MINUTE", Integer.toString(AUTH_PER_MINUTE));
    var config = Path.of(System.getProperty("codeshare.server-config"));
    node =
        MicroNode.start(
            environment,
            List.of(
                "--logproperties",
                config.resolve("logging.properties").toString(),
                "--prebootcommandfile",
                config.resolve("pre-boot-commands.asadmin").toString()));
  }

  @AfterAll
  static void stopNode() {
    if (node != null) {
      node.close();
    }
  }

  @Test
  void metricsCountAScriptedSession() throws Exception {
    var app = node.client();
    double roomsBefore = app.metric("codeshare_rooms_created_total");
    double commitsBefore = app.metric("codeshare_edit_commit_seconds_count");
    double fanoutsBefore = app.metric("codeshare_fanout_seconds_count");
    double postsBefore = sample(app, "codeshare_http_request_seconds_count", "method=\"POST\"");
    double rejectedBefore = sample(app, REJECTIONS, "bucket=\"auth\"");

    var rooms = new EditorRooms(app);
    var room = rooms.create();
    rooms.create();
    var ann = new CollabEditor(rooms.guest(room, "Ann"), "ann");
    var bob = new CollabEditor(rooms.guest(room, "Bob"), "bob");
    int refused = 0;
    try {
      for (int i = 1; i <= 3; i++) {
        ann.edit(Changes.replace(ann.doc.length(), 0, 0, "x"));
        ann.push();
        int confirmed = i;
        Await.until(
            "edit " + confirmed + " confirmed",
            Duration.ofSeconds(20),
            () -> {
              ann.process(Duration.ofMillis(50));
              return ann.version == confirmed;
            });
      }
      var login =
          Json.createObjectBuilder()
              .add("email", "nobody-" + System.nanoTime() + "@codeshare.test")
              .add("password", "not-the-password")
              .build()
              .toString();
      for (int i = 0; i < AUTH_PER_MINUTE + 2; i++) {
        refused += app.postJson("api/auth/login", login).status() == 429 ? 1 : 0;
      }
      assertThat(refused).as("sign-in attempts over the limit").isEqualTo(2);

      assertThat(app.metric("codeshare_rooms_created_total") - roomsBefore).isEqualTo(2);
      assertThat(app.metric("codeshare_websocket_connections_active")).isEqualTo(2);
      assertThat(app.metric("codeshare_rooms_active")).isEqualTo(1);
      assertThat(app.metric("codeshare_edit_commit_seconds_count") - commitsBefore).isEqualTo(3);
      assertThat(app.metric("codeshare_edit_commit_seconds_sum")).isPositive().isLessThan(30);
      assertThat(app.metric("codeshare_fanout_seconds_count") - fanoutsBefore).isEqualTo(3);
      assertThat(sample(app, REJECTIONS, "bucket=\"auth\"") - rejectedBefore).isEqualTo(2);
      assertThat(sample(app, "codeshare_http_request_seconds_count", "status=\"4xx\""))
          .isGreaterThanOrEqualTo(AUTH_PER_MINUTE + 2);
      assertThat(
              sample(app, "codeshare_http_request_seconds_count", "method=\"POST\"") - postsBefore)
          .as("2 rooms, 2 tickets, the sign-in attempts")
          .isGreaterThanOrEqualTo(4 + AUTH_PER_MINUTE + 2);
      assertThat(app.metric("codeshare_db_connections_open")).isPositive();
      assertThat(app.metric("codeshare_db_pool_max")).isEqualTo(32);
      assertThat(app.metric("memory_usedHeap_bytes")).isPositive();
      assertThat(app.metric("thread_count")).isPositive();
      assertThat(app.metric("gc_total")).isPositive();
    } finally {
      ann.client.close();
      bob.client.close();
    }
    Await.until(
        "sockets counted as closed",
        Duration.ofSeconds(10),
        () -> app.metric("codeshare_websocket_connections_active") == 0);
  }

  @Test
  void logLinesAreJsonWithTheRequestIdAndNoSecrets() throws Exception {
    var app = node.client();
    var chosen = "ops-" + System.nanoTime();
    var created =
        app.send(
            HttpRequest.newBuilder(app.base().resolve("api/rooms"))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", chosen)
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Logged\"}")));
    assertThat(created.header("X-Request-Id")).hasValue(chosen);
    assertThat(created.header("Server")).as("pre-boot: no Server header").isEmpty();
    assertThat(created.header("X-Powered-By")).as("pre-boot: no X-Powered-By").isEmpty();
    var slug = created.json().getString("slug");

    var email = "logged-" + System.nanoTime() + "@codeshare.test";
    var password = "password-never-logged-" + System.nanoTime();
    var registered =
        app.send(
            HttpRequest.newBuilder(app.base().resolve("api/auth/register"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("email", email)
                            .add("password", password)
                            .add("displayName", "Logged")
                            .build()
                            .toString())));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);
    var generated = registered.header("X-Request-Id").orElseThrow();
    var token = registered.json().getString("token");
    var userId = registered.json().getJsonObject("user").getString("id");

    var rooms = new EditorRooms(app);
    var ticket = rooms.ticket(new EditorRooms.Room(slug, null), "Writer");
    var writer =
        new CollabEditor(
            org.codeshare.testing.editor.EditorClient.open(
                rooms.editorUri(new EditorRooms.Room(slug, null), ticket)),
            "writer");
    try {
      writer.edit(Changes.replace(0, 0, 0, SECRET_TEXT));
      writer.push();
      Await.until(
          "the edit is confirmed",
          Duration.ofSeconds(20),
          () -> {
            writer.process(Duration.ofMillis(50));
            return writer.version == 1;
          });
    } finally {
      writer.client.close();
    }
    app.get("api/me"); // one more line, so the lines above are flushed

    var lines = Await.value("log lines", Duration.ofSeconds(10), () -> linesWith(chosen));
    var entries = new ArrayList<JsonObject>();
    for (var line : Files.readAllLines(node.log(), StandardCharsets.UTF_8)) {
      if (line.isBlank()) {
        continue;
      }
      try (var reader = Json.createReader(new StringReader(line))) {
        entries.add(reader.readObject());
      } catch (JsonParsingException e) {
        throw new AssertionError("not a JSON log line: " + line, e);
      }
    }
    assertThat(lines).isNotEmpty();
    assertThat(entries)
        .as("the HTTP listener started once: the pre-boot settings need no restart")
        .filteredOn(e -> e.getString("LogMessage", "").startsWith("Network Listener http-listener"))
        .hasSize(1);
    assertThat(entries)
        .filteredOn(e -> chosen.equals(e.getString("requestId", null)))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getString("method")).isEqualTo("POST");
              assertThat(e.getString("path")).isEqualTo("/api/rooms");
              assertThat(e.getString("status")).isEqualTo("201");
              assertThat(e.getString("room", null)).isNull();
              assertThat(e.getString("Level")).isEqualTo("INFO");
            });
    assertThat(entries)
        .filteredOn(e -> generated.equals(e.getString("requestId", null)))
        .singleElement()
        .satisfies(e -> assertThat(e.getString("path")).isEqualTo("/api/auth/register"));
    assertThat(entries)
        .as("the editor handshake, with its room and without the ticket")
        .anySatisfy(
            e -> {
              assertThat(e.getString("path", "")).isEqualTo("/ws/editor/" + slug);
              assertThat(e.getString("room", null)).isEqualTo(slug);
              assertThat(e.getString("requestId", null)).isNotBlank();
            });
    var me =
        app.send(
            HttpRequest.newBuilder(app.base().resolve("api/me"))
                .header("Authorization", "Bearer " + token));
    assertThat(me.status()).isEqualTo(200);
    Await.until(
        "the signed-in request is logged with its user id",
        Duration.ofSeconds(10),
        () -> !linesWith("\"userId\":\"" + userId + "\"").isEmpty());
    var log = Files.readString(node.log(), StandardCharsets.UTF_8);
    assertThat(log)
        .doesNotContain(password)
        .doesNotContain(token)
        .doesNotContain(ticket)
        .doesNotContain(SECRET_TEXT);
  }

  private static List<String> linesWith(String text) throws Exception {
    return Files.readAllLines(node.log(), StandardCharsets.UTF_8).stream()
        .filter(line -> line.contains(text))
        .toList();
  }

  /** The sum of the samples of {@code name} whose labels contain {@code label}. */
  private static double sample(AppClient app, String name, String label) {
    var pattern = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$");
    return app.get("metrics")
        .body()
        .lines()
        .map(pattern::matcher)
        .filter(m -> m.matches() && m.group(1).contains(label))
        .mapToDouble(m -> Double.parseDouble(m.group(2)))
        .sum();
  }
}
