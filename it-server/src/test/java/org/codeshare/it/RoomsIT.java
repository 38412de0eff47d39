package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServers;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class RoomsIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();

  @Test
  void createdRoomIsServedAndStoredInPostgres(RealServers servers) throws Exception {
    var created =
        app.postJson("api/rooms", "{\"title\":\"Pairing: parser\",\"language\":\"java\"}");

    assertThat(created.status()).isEqualTo(201);
    var room = created.json();
    var slug = room.getString("slug");
    assertThat(slug).matches("[2-9a-zA-Z]{10}");
    assertThat(created.header("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/api/rooms/" + slug));
    assertThat(room.getString("title")).isEqualTo("Pairing: parser");
    assertThat(room.getString("language")).isEqualTo("java");
    assertThat(room.getString("linkAccess")).isEqualTo("EDIT");
    assertThat(room.getInt("version")).isZero();

    var fetched = app.get("api/rooms/" + slug);
    assertThat(fetched.status()).isEqualTo(200);
    assertThat(fetched.json().getString("title")).isEqualTo("Pairing: parser");

    try (var connection =
            DriverManager.getConnection(servers.jdbcUrl(), servers.dbUser(), servers.dbPassword());
        var query =
            connection.prepareStatement(
                "select title, language, version from rooms where slug = ?")) {
      query.setString(1, slug);
      try (var row = query.executeQuery()) {
        assertThat(row.next()).as("room row in PostgreSQL").isTrue();
        assertThat(row.getString("title")).isEqualTo("Pairing: parser");
        assertThat(row.getString("language")).isEqualTo("java");
        assertThat(row.getLong("version")).isZero();
      }
    }
  }

  @Test
  void titleAndLanguageAreOptional() {
    var created = app.postJson("api/rooms", "{}");

    assertThat(created.status()).isEqualTo(201);
    assertThat(created.json().getString("title")).isEqualTo("Untitled");
    assertThat(created.json().getString("language")).isEqualTo("plaintext");
  }

  @Test
  void invalidFieldsAreListedInAProblem() {
    var reply =
        app.postJson("api/rooms", "{\"title\":\"" + "x".repeat(201) + "\",\"language\":\"cobol\"}");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    var problem = reply.json();
    assertThat(problem.getString("type")).isEqualTo("urn:codeshare:problem:validation");
    assertThat(problem.getInt("status")).isEqualTo(400);
    assertThat(problem.getJsonArray("errors").getValuesAs(jakarta.json.JsonObject.class))
        .extracting(error -> error.getString("field"))
        .containsExactly("language", "title");
  }

  @Test
  void malformedBodiesAreBadRequestsNotServerErrors() {
    for (var body : new String[] {"{\"title\":", "[1,2]", "{\"title\":[\"x\"]}", "not json", ""}) {
      var reply = app.postJson("api/rooms", body);
      assertThat(reply.status()).as("body %s", body).isEqualTo(400);
      assertThat(reply.contentType()).startsWith("application/problem+json");
      assertThat(reply.json().getString("type")).startsWith("urn:codeshare:problem:");
    }
  }

  @Test
  void unknownRoomsAndBadSlugsAreNotFoundProblems() {
    for (var slug : new String[] {"zzzzzzzzzz", "a", "%2e%2e%2fetc"}) {
      var reply = app.get("api/rooms/" + slug);
      assertThat(reply.status()).as(slug).isEqualTo(404);
      assertThat(reply.contentType()).startsWith("application/problem+json");
    }
  }

  @Test
  void roomsCreatedCounterIsExposedToPrometheus() {
    var before = app.metric("codeshare_rooms_created_total");
    assertThat(app.postJson("api/rooms", "{}").status()).isEqualTo(201);
    assertThat(app.metric("codeshare_rooms_created_total")).isEqualTo(before + 1);
  }
}
