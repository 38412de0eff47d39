package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.Ports;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's view of a node configured as {@code docker/compose.yaml} runs it (the production
 * profile, cookies for HTTPS only, the token key pair), through {@code docker/nginx.conf} (Debian's
 * nginx, on a port other than the node's): it starts, its session cookie is {@code Secure} and its
 * pages carry HSTS, and a page served through the proxy opens editor sockets through it with no
 * {@code FRONTEND_ORIGIN} naming that port, because the node compares the page's origin with the
 * {@code X-Forwarded-Host} the trusted proxy forwards (the {@code Host} it forwards has no port); a
 * page of another site is still refused.
 */
@ExtendWith(RealServersExtension.class)
class ProxiedEditorIT {

  @Test
  void aPageServedThroughTheProxyOpensEditorsThroughIt(RealServers servers, @TempDir Path dir)
      throws Exception {
    var nginx = Nginx.binary();
    var environment = new HashMap<>(servers.appEnvironment());
    environment.put("CODESHARE_HTTP_TRUSTED_PROXIES", "127.0.0.0/8,::1/128");
    environment.put("FRONTEND_ORIGIN", "https://elsewhere.example"); // not the proxy's port
    // as docker/compose.yaml runs the nodes: the production profile, cookies for HTTPS only
    environment.put("CODESHARE_PROFILE", "prod");
    environment.put("COOKIE_SECURE", "true");
    try (var node = MicroNode.start(environment)) {
      int port = Ports.freePort();
      var proxy = start(nginx, config(node.base(), port, dir), dir);
      try {
        var base = URI.create("http://localhost:" + port + "/");
        var app = AppClient.at(base);
        app.awaitStatus("nginx-health", 200, Duration.ofSeconds(30));
        var registered =
            app.postJson(
                "api/auth/register",
                "{\"email\":\"proxied-"
                    + java.util.UUID.randomUUID()
                    + "@example.org\",\"password\":\"a long password\",\"displayName\":\"Pat\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.header("Set-Cookie").orElseThrow())
            .startsWith("codeshare_session=")
            .contains("Secure", "HttpOnly", "SameSite=Lax");
        assertThat(app.get("").header("Strict-Transport-Security")).isPresent();
        var rooms = new EditorRooms(app);
        var room = rooms.create();
        var page = Map.of("Origin", "http://localhost:" + port);

        try (var editor =
            EditorClient.open(rooms.editorUri(room, rooms.ticket(room, "Ann")), page)) {
          assertThat(editor.next("hello").getInt("version")).isZero();
        }
        assertThat(
                EditorClient.refusal(
                    rooms.editorUri(room, rooms.ticket(room, "Eve")),
                    Map.of("Origin", "http://localhost:" + (port + 1))))
            .isEqualTo(403);
        assertThat(
                EditorClient.refusal(
                    rooms.editorUri(room, rooms.ticket(room, "Eve")),
                    Map.of("Origin", "https://evil.example")))
            .isEqualTo(403);
      } finally {
        proxy.destroy();
        proxy.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /** The compose proxy's configuration, with the node as its only upstream and files in dir. */
  private static Path config(URI node, int port, Path dir) throws Exception {
    var upstream = node.getHost() + ":" + node.getPort();
    var config =
        ProjectFiles.read("docker/nginx.conf")
            .replaceFirst("server app1:8080", "server " + upstream)
            .replaceAll("(?m)^\\s*server app[23]:8080[^;]*;\\s*$", "")
            .replace("listen 80 default_server", "listen 127.0.0.1:" + port + " default_server")
            .replace("/var/log/nginx/access.log", dir.resolve("access.log").toString())
            .replace("/var/log/nginx/error.log", dir.resolve("error.log").toString())
            .replaceFirst(
                "http \\{",
                "http {\n"
                    + temp("client_body_temp_path", dir)
                    + temp("proxy_temp_path", dir)
                    + temp("fastcgi_temp_path", dir)
                    + temp("uwsgi_temp_path", dir)
                    + temp("scgi_temp_path", dir));
    assertThat(config).doesNotContain("app2:8080", "app3:8080").contains("server " + upstream);
    var file = dir.resolve("nginx.conf");
    Files.writeString(file, config, StandardCharsets.UTF_8);
    return file;
  }

  private static String temp(String directive, Path dir) {
    return "    " + directive + " " + dir.resolve(directive) + ";\n";
  }

  private static Process start(Path nginx, Path config, Path dir) throws Exception {
    return new ProcessBuilder(
            nginx.toString(),
            "-c",
            config.toString(),
            "-p",
            dir.toString(),
            "-e",
            dir.resolve("error.log").toString(),
            "-g",
            "daemon off; pid " + dir.resolve("nginx.pid") + ";")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("nginx.out").toFile())
        .start();
  }
}
