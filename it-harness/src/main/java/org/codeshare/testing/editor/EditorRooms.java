package org.codeshare.testing.editor;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.PosingClient;

/** Rooms and editor tickets through the public API, for the collaboration tests. */
public final class EditorRooms {

  private final AppClient app;
  private final boolean posing;

  public EditorRooms(AppClient app) {
    this(app, false);
  }

  private EditorRooms(AppClient app, boolean posing) {
    this.app = app;
    this.posing = posing;
  }

  /**
   * The same, but every editor socket comes from an address of its own ({@code X-Forwarded-For},
   * trusted from loopback in the test set-up), as many people would: the per-address limit on
   * editor connections then applies to each alone.
   */
  public EditorRooms posing() {
    return new EditorRooms(app, true);
  }

  public AppClient app() {
    return app;
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
    var reply = manage(room, "PATCH", "", json);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  /**
   * An owner's call on {@code room} by its manage token: {@code method} on {@code
   * api/rooms/{slug}/path} with a JSON body, or none when {@code json} is null; it must succeed.
   */
  public AppClient.Reply manage(Room room, String method, String path, String json) {
    var reply = asOwner(room, method, path, json);
    assertThat(reply.status())
        .as(method + " " + path + " of " + room.slug() + ": " + reply.body())
        .isBetween(200, 299);
    return reply;
  }

  /** {@link #manage}, whatever the status: for the calls that must be refused. */
  public AppClient.Reply asOwner(Room room, String method, String path, String json) {
    var uri = "api/rooms/" + room.slug() + (path.isEmpty() ? "" : "/" + path);
    return app.request(method, uri, json, Map.of("X-Manage-Token", room.manageToken()));
  }

  public URI editorUri(Room room, String ticket) {
    return EditorClient.uri(app.base(), room.slug(), ticket);
  }

  /** An editor signed in as a guest of {@code room}. */
  public EditorClient guest(Room room, String name) {
    return open(room, ticket(room, name));
  }

  public EditorClient owner(Room room, String name) {
    return open(room, ownerTicket(room, name));
  }

  /** An editor socket opened with {@code ticket}. */
  public EditorClient open(Room room, String ticket) {
    var headers =
        posing ? Map.of("X-Forwarded-For", PosingClient.freshAddress()) : Map.<String, String>of();
    return EditorClient.open(editorUri(room, ticket), headers);
  }
}
