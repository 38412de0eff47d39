package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/** Debian's nginx, which {@code .ci/run} installs: required on CI, else the test is skipped. */
final class Nginx {

  private Nginx() {}

  static Path binary() {
    var found =
        List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/bin/nginx")).stream()
            .filter(Files::isExecutable)
            .findFirst();
    if (found.isEmpty()) {
      assertThat(System.getenv("CI")).as("nginx must be installed on CI (.ci/run)").isNull();
      Assumptions.abort("nginx is not installed");
    }
    return found.get();
  }
}
