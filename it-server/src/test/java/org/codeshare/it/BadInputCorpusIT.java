package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.codeshare.testing.Accounts;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A corpus of malformed requests: every one is a 4xx problem, never a 500, and changes nothing. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class BadInputCorpusIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();

  record Bad(String method, String path, String contentType, String body) {}

  private static final String JSON = "application/json";

  private static List<Bad> corpus(String slug, String userId) {
    var room = "api/rooms/" + slug;
    return List.of(
        new Bad("POST", "api/rooms", JSON, "{"),
        new Bad("POST", "api/rooms", JSON, "[]"),
        new Bad("POST", "api/rooms", JSON, "\"a string\""),
        new Bad("POST", "api/rooms", JSON, "null"),
        new Bad("POST", "api/rooms", JSON, "{\"title\":{\"nested\":true}}"),
        new Bad("POST", "api/rooms", JSON, "{\"title\":\"\"}"),
        new Bad("POST", "api/rooms", JSON, "{\"title\":\"\\u0000\\u0000\"}"),
        new Bad("POST", "api/rooms", JSON, "{\"language\":42}"),
        new Bad("POST", "api/rooms", JSON, "{\"language\":\"../../etc\"}"),
        new Bad("POST", "api/rooms", "text/plain", "title=x"),
        new Bad("POST", "api/rooms", "application/xml", "<room/>"),
        new Bad("POST", "api/rooms", JSON, "{\"title\":\"" + "\uD83D\uDE00".repeat(150) + "\"}"),
        new Bad("PATCH", room, JSON, "{\"linkAccess\":\"PUBLIC\"}"),
        new Bad("PATCH", room, JSON, "{\"locked\":\"yes\"}"),
        new Bad("PATCH", room, JSON, "{\"locked\":1e999}"),
        new Bad("PATCH", room, JSON, ""),
        new Bad("PATCH", "api/rooms/%20%20", JSON, "{}"),
        new Bad("GET", "api/rooms/" + "x".repeat(5000), null, null),
        new Bad("GET", "api/rooms/abc%2Fdefghijk", null, null),
        new Bad("GET", "api/rooms?page=-1", null, null),
        new Bad("GET", "api/rooms?size=abc", null, null),
        new Bad("GET", "api/rooms?page=99999999999999", null, null),
        new Bad("GET", "api/rooms?sort=password", null, null),
        new Bad(
            "POST", room + "/members", JSON, "{\"email\":\"not-an-email\",\"role\":\"EDITOR\"}"),
        new Bad("POST", room + "/members", JSON, "{\"email\":\"a@b.c\",\"role\":\"GOD\"}"),
        new Bad("PUT", room + "/members/not-a-uuid", JSON, "{\"role\":\"VIEWER\"}"),
        new Bad("PUT", room + "/members/" + userId, JSON, "{\"role\":null}"),
        new Bad("DELETE", room + "/members/00000000-0000-0000-0000-000000000000", null, null),
        new Bad("POST", room + "/ticket", JSON, "{\"name\":\"" + "n".repeat(41) + "\"}"),
        new Bad("POST", "api/auth/register", JSON, "{\"email\":\"x@y.z\"}"),
        new Bad(
            "POST",
            "api/auth/register",
            JSON,
            "{\"email\":\"x@y.z\",\"password\":\"short\",\"displayName\":\"X\"}"),
        new Bad(
            "POST",
            "api/auth/register",
            JSON,
            "{\"email\":\"x@y.z\",\"password\":\"" + "p".repeat(129) + "\",\"displayName\":\"X\"}"),
        new Bad("POST", "api/auth/login", JSON, "{\"email\":[],\"password\":{}}"),
        new Bad("POST", "api/auth/login", JSON, "{}"),
        new Bad("DELETE", "api/rooms", null, null),
        new Bad("PUT", room, JSON, "{}"),
        new Bad("GET", "api/nothing-here", null, null),
        new Bad("PATCH", "api/admin/users/not-a-uuid", JSON, "{\"disabled\":true}"));
  }

  @Test
  void everyBadRequestIsAClientErrorWithAProblemBody() {
    var owner = Accounts.register(app, "Corpus");
    var asOwner = app.as(owner.token());
    var slug = asOwner.postJson("api/rooms", "{\"title\":\"Corpus\"}").json().getString("slug");
    var soft = new SoftAssertions();

    var corpus = corpus(slug, owner.id());
    for (var bad : corpus) {
      var request = HttpRequest.newBuilder(app.base().resolve(bad.path()));
      if (bad.body() == null) {
        request.method(bad.method(), HttpRequest.BodyPublishers.noBody());
      } else {
        request
            .header("Content-Type", bad.contentType())
            .method(bad.method(), HttpRequest.BodyPublishers.ofString(bad.body()));
      }
      var reply = asOwner.send(request);
      var label = bad.method() + " " + abbreviate(bad.path()) + " " + abbreviate(bad.body());
      soft.assertThat(reply.status()).as(label + " -> " + reply.body()).isBetween(400, 499);
      soft.assertThat(reply.contentType()).as(label).startsWith("application/problem+json");
      if (reply.contentType().startsWith("application/problem+json")) {
        soft.assertThat(reply.json().getString("type"))
            .as(label)
            .startsWith("urn:codeshare:problem:");
      }
    }
    soft.assertAll();

    var room = asOwner.get("api/rooms/" + slug).json();
    assertThat(room.getString("title")).isEqualTo("Corpus");
    assertThat(room.getString("linkAccess")).isEqualTo("EDIT");
    assertThat(room.getBoolean("locked")).isFalse();
    assertThat(corpus).hasSizeGreaterThan(30);
  }

  private static String abbreviate(String value) {
    return value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
  }
}
