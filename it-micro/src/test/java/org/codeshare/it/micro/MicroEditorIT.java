package org.codeshare.it.micro;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.time.Duration;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorRooms;
import org.codeshare.testing.editor.Typing;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
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

  private EditorRooms rooms;

  @BeforeEach
  void awaitReady() throws Exception {
    var app = AppClient.at(base.toURI().resolve("/"));
    app.awaitStatus("health/ready", 200, Duration.ofSeconds(30));
    rooms = new EditorRooms(app);
  }

  @Test
  void anEditorConnectsByTicketAndGetsItsPushConfirmed() {
    var room = rooms.create();
    try (var socket = rooms.guest(room, "Mia")) {
      var mia = new CollabEditor(socket, "mia");
      assertThat(mia.hello.getJsonObject("you").getString("name")).isEqualTo("Mia");

      Typing.append(mia, "hi");

      assertThat(mia.confirmed).hasSize(1); // its own update came back under its client ID
      assertThat(mia.version).isEqualTo(1);
      assertThat(mia.doc).isEqualTo("hi");
      assertThat(mia.errors).isEmpty();
    }
  }

  @Test
  void aLanguageChangeReachesTheOpenEditorsOfTheRoom() {
    var room = rooms.create();
    try (var kim = rooms.guest(room, "Kim")) {
      assertThat(kim.next("hello").getString("language")).isEqualTo("java");

      rooms.patch(room, "{\"language\":\"python\",\"locked\":true}");

      var announced = kim.next("room");
      assertThat(announced.getString("language")).isEqualTo("python");
      assertThat(announced.getBoolean("locked")).isTrue();
      assertThat(announced.getString("linkAccess")).isEqualTo("EDIT");
    }
  }
}
