package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The matrix of docs/security.md, row by row, against the EAR on Payara Server. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class AuthorizationMatrixIT {

  private static final List<String> ACTORS =
      List.of("anonymous", "other", "viewer", "editor", "owner", "admin");

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();

  /** One endpoint and the status each actor gets, in the order of {@link #ACTORS}. */
  record Row(String method, String path, String body, boolean freshRoom, int... expected) {}

  private static final List<Row> MATRIX =
      List.of(
          new Row("GET", "api/rooms/{slug}", null, false, 404, 404, 200, 200, 200, 200),
          new Row(
              "PATCH",
              "api/rooms/{slug}",
              "{\"title\":\"Renamed\"}",
              false,
              404,
              404,
              403,
              200,
              200,
              200),
          new Row(
              "PATCH",
              "api/rooms/{slug}",
              "{\"linkAccess\":\"PRIVATE\",\"locked\":false}",
              false,
              404,
              404,
              403,
              403,
              200,
              200),
          new Row("DELETE", "api/rooms/{slug}", null, true, 404, 404, 403, 403, 204, 204),
          new Row("GET", "api/rooms/{slug}/members", null, false, 404, 404, 403, 403, 200, 200),
          new Row(
              "POST",
              "api/rooms/{slug}/members",
              "{\"email\":\"invitee@example.com\",\"role\":\"VIEWER\"}",
              false,
              404,
              404,
              403,
              403,
              200,
              200),
          new Row("POST", "api/rooms/{slug}/ticket", "{}", false, 404, 404, 200, 200, 200, 200),
          new Row("GET", "api/rooms/{slug}/snapshots", null, false, 404, 404, 200, 200, 200, 200),
          // The editor's save makes version 0 exist for the two rows after it.
          new Row("POST", "api/rooms/{slug}/snapshots", "{}", false, 404, 404, 403, 201, 201, 201),
          new Row(
              "GET",
              "api/rooms/{slug}/snapshots/0/content",
              null,
              false,
              404,
              404,
              200,
              200,
              200,
              200),
          new Row(
              "POST",
              "api/rooms/{slug}/snapshots/0/restore",
              "{}",
              false,
              404,
              404,
              403,
              200,
              200,
              200),
          new Row("GET", "api/rooms/{slug}/export", null, false, 404, 404, 200, 200, 200, 200),
          new Row("GET", "api/rooms", null, false, 401, 200, 200, 200, 200, 200),
          new Row("POST", "api/rooms", "{}", false, 201, 201, 201, 201, 201, 201),
          new Row("GET", "api/me", null, false, 401, 200, 200, 200, 200, 200),
          new Row("GET", "api/admin/users", null, false, 401, 403, 403, 403, 403, 200),
          new Row(
              "PATCH",
              "api/admin/users/{other}",
              "{\"disabled\":false}",
              false,
              401,
              403,
              403,
              403,
              403,
              200),
          new Row("GET", "api/admin/rooms", null, false, 401, 403, 403, 403, 403, 200),
          new Row("DELETE", "api/admin/rooms/{slug}", null, true, 401, 403, 403, 403, 403, 204));

  @Test
  void everyActorGetsWhatTheMatrixSaysOnEveryEndpoint() {
    var owner = Accounts.register(app, "Owner");
    var editor = Accounts.register(app, "Editor");
    var viewer = Accounts.register(app, "Viewer");
    var other = Accounts.register(app, "Other");
    var admin = Accounts.admin(app);
    Map<String, AppClient> clients = new LinkedHashMap<>();
    clients.put("anonymous", app);
    clients.put("other", app.as(other.token()));
    clients.put("viewer", app.as(viewer.token()));
    clients.put("editor", app.as(editor.token()));
    clients.put("owner", app.as(owner.token()));
    clients.put("admin", app.as(admin.token()));

    var sharedRoom = privateRoom(owner, editor, viewer);
    var soft = new SoftAssertions();
    var checked = new ArrayList<String>();
    for (var row : MATRIX) {
      for (int i = 0; i < ACTORS.size(); i++) {
        var actor = ACTORS.get(i);
        var slug = row.freshRoom() ? privateRoom(owner, editor, viewer) : sharedRoom;
        var path = row.path().replace("{slug}", slug).replace("{other}", other.id());
        var reply = clients.get(actor).request(row.method(), path, row.body());
        soft.assertThat(reply.status())
            .as("%s %s as %s: %s", row.method(), row.path(), actor, reply.body())
            .isEqualTo(row.expected()[i]);
        if (reply.status() >= 400) {
          soft.assertThat(reply.contentType()).startsWith("application/problem+json");
        }
        checked.add(actor + " " + row.method() + " " + row.path());
      }
    }
    soft.assertAll();
    assertThat(checked).hasSize(MATRIX.size() * ACTORS.size());
  }

  @Test
  void linkAccessMakesOutsidersEditorsOrViewers() {
    var owner = Accounts.register(app, "LinkOwner");
    var slug = createRoom(owner);
    var outsider = app.as(Accounts.register(app, "Outsider").token());

    setLinkAccess(owner, slug, "EDIT");
    assertThat(app.get("api/rooms/" + slug).json().getString("role")).isEqualTo("EDITOR");
    assertThat(outsider.request("PATCH", "api/rooms/" + slug, "{\"title\":\"By link\"}").status())
        .isEqualTo(200);

    setLinkAccess(owner, slug, "VIEW");
    assertThat(app.get("api/rooms/" + slug).json().getString("role")).isEqualTo("VIEWER");
    assertThat(outsider.request("PATCH", "api/rooms/" + slug, "{\"title\":\"No\"}").status())
        .isEqualTo(403);
  }

  @Test
  void aLockedRoomIsReadOnlyForEditorsButNotForOwners() {
    var owner = Accounts.register(app, "LockOwner");
    var editor = Accounts.register(app, "LockEditor");
    var slug = createRoom(owner);
    invite(owner, slug, editor.email(), "EDITOR");
    assertThat(
            app.as(owner.token())
                .request("PATCH", "api/rooms/" + slug, "{\"locked\":true}")
                .json()
                .getBoolean("locked"))
        .isTrue();

    var asEditor = app.as(editor.token());
    assertThat(asEditor.get("api/rooms/" + slug).json().getBoolean("canEdit")).isFalse();
    assertThat(asEditor.request("PATCH", "api/rooms/" + slug, "{\"title\":\"x\"}").status())
        .isEqualTo(403);
    assertThat(app.as(owner.token()).get("api/rooms/" + slug).json().getBoolean("canEdit"))
        .isTrue();
  }

  @Test
  void anAnonymousCreatorManagesTheRoomWithItsManageToken() {
    var created = app.postJson("api/rooms", "{\"title\":\"Anonymous\"}").json();
    var slug = created.getString("slug");
    var token = created.getString("manageToken");
    assertThat(token).hasSizeGreaterThanOrEqualTo(40);
    assertThat(app.get("api/rooms/" + slug).json().containsKey("manageToken")).isFalse();

    var patch =
        java.net.http.HttpRequest.newBuilder(app.base().resolve("api/rooms/" + slug))
            .header("Content-Type", "application/json")
            .header("X-Manage-Token", token)
            .method(
                "PATCH",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"linkAccess\":\"VIEW\"}"));
    var reply = app.send(patch);
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    assertThat(reply.json().getString("role")).isEqualTo("OWNER");
    assertThat(app.request("PATCH", "api/rooms/" + slug, "{\"linkAccess\":\"EDIT\"}").status())
        .isEqualTo(403);
  }

  @Test
  void invitationsByEmailBecomeMembershipsOnRegistration() {
    var owner = Accounts.register(app, "Inviter");
    var slug = createRoom(owner);
    setLinkAccess(owner, slug, "PRIVATE");
    var email = "later-" + java.util.UUID.randomUUID() + "@example.com";
    invite(owner, slug, email, "EDITOR");

    var reply =
        app.postJson(
            "api/auth/register",
            "{\"email\":\"" + email + "\",\"password\":\"a long password\",\"displayName\":\"L\"}");
    var newcomer = app.as(reply.json().getString("token"));

    var room = newcomer.get("api/rooms/" + slug);
    assertThat(room.status()).isEqualTo(200);
    assertThat(room.json().getString("role")).isEqualTo("EDITOR");
    assertThat(newcomer.get("api/rooms").json().getInt("total")).isEqualTo(1);
  }

  private String privateRoom(
      Accounts.Account owner, Accounts.Account editor, Accounts.Account viewer) {
    var slug = createRoom(owner);
    setLinkAccess(owner, slug, "PRIVATE");
    invite(owner, slug, editor.email(), "EDITOR");
    invite(owner, slug, viewer.email(), "VIEWER");
    return slug;
  }

  private String createRoom(Accounts.Account owner) {
    var reply = app.as(owner.token()).postJson("api/rooms", "{\"title\":\"Matrix\"}");
    assertThat(reply.status()).isEqualTo(201);
    return reply.json().getString("slug");
  }

  private void setLinkAccess(Accounts.Account owner, String slug, String access) {
    var reply =
        app.as(owner.token())
            .request("PATCH", "api/rooms/" + slug, "{\"linkAccess\":\"" + access + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }

  private void invite(Accounts.Account owner, String slug, String email, String role) {
    var reply =
        app.as(owner.token())
            .postJson(
                "api/rooms/" + slug + "/members",
                "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
  }
}
