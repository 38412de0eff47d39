package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.codeshare.testing.MicroNode;
import org.codeshare.testing.Ports;
import org.codeshare.testing.Readiness;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.RedisServerHandle;
import org.codeshare.testing.editor.EditorRooms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on a Redis that wants a password (as managed Redis services do), given in {@code
 * REDIS_URL}: readiness sees Redis, and the node's presence is in it.
 */
@ExtendWith(RealServersExtension.class)
class RedisAuthIT {

  private static final String PASSWORD = "s3cret+of/the@tests";

  @TempDir Path dir;

  @Test
  void aNodeUsesARedisThatWantsThePasswordInItsUrl(RealServers servers) throws Exception {
    int port = Ports.freePort();
    var redis = new RedisServerHandle(port, dir, PASSWORD);
    redis.start();
    try {
      assertThat(send(port, "PING")).first().asString().startsWith("-NOAUTH");
      var environment = new HashMap<>(servers.appEnvironment());
      environment.put(
          "REDIS_URL",
          "redis://:"
              + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)
              + "@"
              + Ports.HOST
              + ":"
              + port);
      try (var node = MicroNode.start(environment)) {
        var ready = node.client().get("health/ready");
        assertThat(ready.status()).as(ready.body()).isEqualTo(200);
        var check = Readiness.check(ready.json(), "redis");
        assertThat(check.getString("status")).isEqualTo("UP");

        var rooms = new EditorRooms(node.client());
        try (var ann = rooms.guest(rooms.create(), "Ann")) {
          ann.next("hello");
          var keys = send(port, "AUTH " + PASSWORD, "KEYS codeshare:presence:*");
          assertThat(keys.get(0)).isEqualTo("+OK");
          assertThat(keys.get(1)).matches("\\*[1-9][0-9]*"); // at least one presence key
        }
      }
    } finally {
      redis.stop();
    }
  }

  /** Sends inline commands and returns the first line of each reply (and the keys' count line). */
  private static List<String> send(int port, String... commands) {
    try (var socket = new Socket(Ports.HOST, port)) {
      socket.setSoTimeout(5000);
      var out = socket.getOutputStream();
      for (var command : commands) {
        out.write((command + "\r\n").getBytes(StandardCharsets.UTF_8));
      }
      out.flush();
      var in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
      var replies = new ArrayList<String>();
      for (int i = 0; i < commands.length; i++) {
        var line = in.readLine();
        replies.add(line);
        if (line.startsWith("*")) {
          for (int n = Integer.parseInt(line.substring(1)); n > 0; n--) {
            in.readLine(); // $length
            in.readLine(); // key
          }
        }
      }
      return replies;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
