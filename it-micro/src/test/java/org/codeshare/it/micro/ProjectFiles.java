package org.codeshare.it.micro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository, for the checks of the deployment files. */
final class ProjectFiles {

  private ProjectFiles() {}

  static Path root() {
    return Path.of(System.getProperty("codeshare.project.root", "..")).toAbsolutePath().normalize();
  }

  static String read(String path) {
    try {
      return Files.readString(root().resolve(path), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
