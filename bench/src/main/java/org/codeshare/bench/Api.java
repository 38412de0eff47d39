package org.codeshare.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The REST calls the driver needs: create a room, get a ticket for its editor socket. */
final class Api {

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  Api(URI base) {
    this.base = base;
  }

  /** Creates a room and returns its slug. */
  String createRoom(String title) throws IOException, InterruptedException {
    var body = Json.createObjectBuilder().add("title", title).build();
    return post("api/rooms", body).getString("slug");
  }

  /** A one-use ticket for {@code ws/editor/{slug}}, and the socket's address with it. */
  URI editorUri(String slug, String name) throws IOException, InterruptedException {
    var body = Json.createObjectBuilder().add("name", name).build();
    var ticket = post("api/rooms/" + slug + "/ticket", body).getString("ticket");
    return URI.create(
        base.resolve("ws/editor/" + slug + "?ticket=" + ticket)
            .toString()
            .replaceFirst("^http", "ws"));
  }

  private JsonObject post(String path, JsonObject body) throws IOException, InterruptedException {
    var response =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
    }
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }
}
