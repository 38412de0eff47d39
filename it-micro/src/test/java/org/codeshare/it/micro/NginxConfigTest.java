package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code docker/nginx.conf} passes {@code nginx -t} (Debian's nginx; {@code .ci/run} installs it)
 * and balances the three nodes with the WebSocket upgrade.
 */
class NginxConfigTest {

  private final String config = ProjectFiles.read("docker/nginx.conf");

  @Test
  void balancesTheThreeNodesAndUpgradesWebSockets() {
    assertThat(config)
        .contains("server app1:8080", "server app2:8080", "server app3:8080")
        .contains("proxy_set_header Upgrade           $http_upgrade;")
        .contains("proxy_set_header Connection        $connection_upgrade;")
        .contains("proxy_http_version 1.1;")
        .contains("proxy_set_header X-Request-Id      $req_id;")
        .contains("proxy_next_upstream error timeout http_503;");
  }

  @Test
  void passesNginxConfigTest(@TempDir Path dir) throws Exception {
    var nginx = Nginx.binary();
    // The compose service names resolve only on the compose network.
    var local = config.replaceAll("server app([0-9]):8080", "server 127.0.0.1:1808$1");
    var file = dir.resolve("nginx.conf");
    Files.writeString(file, local, StandardCharsets.UTF_8);
    var output = dir.resolve("nginx-t.log");
    var process =
        new ProcessBuilder(
                nginx.toString(),
                "-t",
                "-c",
                file.toString(),
                "-g",
                "pid " + dir.resolve("nginx.pid") + ";",
                "-e",
                dir.resolve("error.log").toString())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    var log = Files.readString(output, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(log).isZero();
    assertThat(log).contains("syntax is ok", "test is successful");
  }
}
