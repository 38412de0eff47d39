package org.codeshare.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;

/** Rooms and editor tickets through the public API, for the collaboration tests. */
public final class EditorRooms {

  private final AppClient app;

  public EditorRooms(AppClient app) {
    this.app = app;
  }

  /** An anonymously created room and the secret that manages it. */
  public record Room(String slug, String manageToken) {}

  public Room create() {
    var reply = app.postJson("api/rooms", "{\"title\":\"Live\",\"language\":\"java\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(201);
    return new Room(reply.json().getString("slug"), reply.json().getString("manageToken"));
  }

  /** A guest's ticket, with the role the room's link gives. */
  public String ticket(Room room, String name) {
    return ticket(room, name, null);
  }

  public String ownerTicket(Room room, String name) {
    return ticket(room, name, room.manageToken());
  }

  private String ticket(Room room, String name, String manageToken) {
    var body = Json.createObjectBuilder().add("name", name).build().toString();
    var request =
        HttpRequest.newBuilder(app.base().resolve("api/rooms/" + room.slug() + "/ticket"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (manageToken != null) {
      request.header("X-Manage-Token", manageToken);
    }
    var reply = app.send(request);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    return reply.json().getString("ticket");
  }

  public void patch(Room room, String json) {
    var request =
        HttpRequest.newBuilder(app.base().resolve("api/rooms/" + room.slug()))
            .header("Content-Type", "application/json")
            .header("X-Manage-Token", room.manageToken())
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json));
    var reply = app.send(request);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  public URI editorUri(Room room, String ticket) {
    return EditorClient.uri(app.base(), room.slug(), ticket);
  }

  /** An editor signed in as a guest of {@code room}. */
  public EditorClient guest(Room room, String name) {
    return EditorClient.open(editorUri(room, ticket(room, name)));
  }

  public EditorClient owner(Room room, String name) {
    return EditorClient.open(editorUri(room, ownerTicket(room, name)));
  }
}
