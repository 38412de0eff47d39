package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServersExtension;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The editor socket works in the flattened WAR on Payara Micro too. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class MicroEditorIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return MicroDeployment.codeshareWar();
  }

  @ArquillianResource URL base;

  @Test
  void anEditorConnectsByTicketAndGetsItsPushConfirmed() throws Exception {
    var app = AppClient.at(base.toURI().resolve("/"));
    app.awaitStatus("health/ready", 200, Duration.ofSeconds(30));
    var slug = app.postJson("api/rooms", "{}").json().getString("slug");
    var ticket =
        app.postJson("api/rooms/" + slug + "/ticket", "{\"name\":\"Mia\"}")
            .json()
            .getString("ticket");
    var inbox = new LinkedBlockingQueue<JsonObject>();
    var uri =
        URI.create(
            app.base()
                .resolve("ws/editor/" + slug + "?ticket=" + ticket)
                .toString()
                .replaceFirst("^http", "ws"));
    var socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, new Collect(inbox))
            .get(30, TimeUnit.SECONDS);
    try {
      var hello = inbox.poll(20, TimeUnit.SECONDS);
      assertThat(hello).isNotNull();
      assertThat(hello.getString("type")).isEqualTo("hello");
      assertThat(hello.getJsonObject("you").getString("name")).isEqualTo("Mia");

      var push =
          Json.createObjectBuilder()
              .add("v", 1)
              .add("type", "push")
              .add("version", 0)
              .add(
                  "updates",
                  Json.createArrayBuilder()
                      .add(
                          Json.createObjectBuilder()
                              .add("clientID", "mia")
                              .add(
                                  "changes",
                                  Json.createArrayBuilder()
                                      .add(Json.createArrayBuilder().add(0).add("hi")))))
              .build();
      socket.sendText(push.toString(), true).join();
      var confirmed = inbox.poll(20, TimeUnit.SECONDS);
      assertThat(confirmed).isNotNull();
      assertThat(confirmed.getString("type")).isEqualTo("updates");
      assertThat(confirmed.getJsonArray("updates").getJsonObject(0).getString("clientID"))
          .isEqualTo("mia");
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
  }

  @Test
  void aLanguageChangeReachesTheOpenEditorsOfTheRoom() throws Exception {
    var app = AppClient.at(base.toURI().resolve("/"));
    app.awaitStatus("health/ready", 200, Duration.ofSeconds(30));
    var room = app.postJson("api/rooms", "{\"language\":\"java\"}").json();
    var slug = room.getString("slug");
    var ticket =
        app.postJson("api/rooms/" + slug + "/ticket", "{\"name\":\"Kim\"}")
            .json()
            .getString("ticket");
    var inbox = new LinkedBlockingQueue<JsonObject>();
    var uri =
        URI.create(
            app.base()
                .resolve("ws/editor/" + slug + "?ticket=" + ticket)
                .toString()
                .replaceFirst("^http", "ws"));
    var socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(uri, new Collect(inbox))
            .get(30, TimeUnit.SECONDS);
    try {
      var hello = inbox.poll(20, TimeUnit.SECONDS);
      assertThat(hello).isNotNull();
      assertThat(hello.getString("language")).isEqualTo("java");

      var patched =
          app.send(
              HttpRequest.newBuilder(app.base().resolve("api/rooms/" + slug))
                  .header("Content-Type", "application/json")
                  .header("X-Manage-Token", room.getString("manageToken"))
                  .method(
                      "PATCH",
                      HttpRequest.BodyPublishers.ofString(
                          "{\"language\":\"python\",\"locked\":true}")));
      assertThat(patched.status()).isEqualTo(200);

      var announced = inbox.poll(20, TimeUnit.SECONDS);
      assertThat(announced).isNotNull();
      assertThat(announced.getString("type")).isEqualTo("room");
      assertThat(announced.getString("language")).isEqualTo("python");
      assertThat(announced.getBoolean("locked")).isTrue();
      assertThat(announced.getString("linkAccess")).isEqualTo("EDIT");
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
    }
  }

  private record Collect(LinkedBlockingQueue<JsonObject> inbox) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      // The messages of this test are small: one frame each.
      try (var reader = Json.createReader(new StringReader(data.toString()))) {
        inbox.add(reader.readObject());
      }
      webSocket.request(1);
      return null;
    }
  }
}
