package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** CodeMirror itself, run once under Node on a batch of cases (src/test/node/oracle.mjs). */
final class CodeMirrorOracle {

  private static final JsonProvider JSON = JsonProvider.provider();

  static final Path DIR = Path.of("src", "test", "node");

  private CodeMirrorOracle() {}

  static JsonObject run(JsonObject input) throws IOException, InterruptedException {
    assertThat(DIR.resolve("node_modules/@codemirror/collab"))
        .as("npm ci in %s (the Maven build runs it in generate-test-resources)", DIR)
        .isDirectory();
    Process node =
        new ProcessBuilder("node", "oracle.mjs")
            .directory(DIR.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    try (OutputStream stdin = node.getOutputStream()) {
      stdin.write(ascii(input).getBytes(StandardCharsets.US_ASCII));
    }
    String output;
    try (InputStream stdout = node.getInputStream()) {
      output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(node.waitFor(60, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(node.exitValue()).as("node exit code").isZero();
    try (JsonReader reader = JSON.createReader(new StringReader(output))) {
      return reader.readObject();
    }
  }

  /**
   * JSON with every non-ASCII character escaped, so that lone surrogates (a change may cut an emoji
   * in half) reach Node intact instead of being replaced while encoding to UTF-8.
   */
  static String ascii(JsonObject json) {
    StringWriter writer = new StringWriter();
    JSON.createWriter(writer).write(json);
    StringBuilder escaped = new StringBuilder();
    writer
        .toString()
        .chars()
        .forEach(c -> escaped.append(c < 0x80 ? Character.toString(c) : "\\u%04x".formatted(c)));
    return escaped.toString();
  }
}
