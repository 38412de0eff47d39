package org.codeshare.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.LinkedHashMap;
import org.codeshare.testing.AppClient;
import org.codeshare.testing.RealServersExtension;
import org.codeshare.testing.editor.Changes;
import org.codeshare.testing.editor.CollabEditor;
import org.codeshare.testing.editor.EditorClient;
import org.codeshare.testing.editor.EditorRooms;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Malformed, oversized, out-of-range and unknown messages get errors and harm nobody. */
@ExtendWith(RealServersExtension.class)
@ExtendWith(ArquillianExtension.class)
class EditorBadInputIT {

  @Deployment(testable = false)
  static EnterpriseArchive deployment() {
    return Deployments.codeshareEar();
  }

  private final AppClient app = AppClient.fromSystemProperties();
  private final EditorRooms rooms = new EditorRooms(app);

  @Test
  void everyBadMessageGetsItsErrorAndTheDocumentAndOthersAreUnaffected() {
    var room = rooms.create();
    try (var mallory = rooms.guest(room, "Mallory");
        var bob = rooms.guest(room, "Bob")) {
      mallory.next("hello");
      var b = new CollabEditor(bob, "bob");
      b.edit(Changes.replace(0, 0, 0, "abc"));
      b.push();
      while (!b.unconfirmed.isEmpty()) {
        b.process(EditorClient.WAIT);
      }
      var hundredAndOne = Json.createArrayBuilder();
      for (int i = 0; i < 101; i++) {
        hundredAndOne.add(update("m", "[3]"));
      }
      var cases = new LinkedHashMap<String, String>();
      cases.put("not json", "malformed");
      cases.put("[1,2]", "malformed");
      cases.put("{\"v\":1}", "malformed");
      cases.put("{\"type\":\"ping\"}", "unsupported-version");
      cases.put("{\"v\":2,\"type\":\"ping\"}", "unsupported-version");
      cases.put("{\"v\":1,\"type\":\"dance\"}", "unknown-type");
      cases.put(push(1, "[]"), "too-many-updates");
      cases.put(push(1, hundredAndOne.build().toString()), "too-many-updates");
      cases.put(push(1, "[" + update("m", "\"nope\"") + "]"), "invalid-changes");
      cases.put(push(1, "[" + update("m", "[10]") + "]"), "invalid-changes");
      cases.put(push(99, "[" + update("m", "[3]") + "]"), "bad-version");
      cases.put(push(-1, "[" + update("m", "[3]") + "]"), "bad-version");
      cases.put(push(1, "[" + update("m", "[3]") + "," + update("n", "[3]") + "]"), "malformed");
      cases.put(push(1, "[" + update("bad id!", "[3]") + "]"), "malformed");
      cases.put("{\"v\":1,\"type\":\"pull\",\"version\":\"x\"}", "malformed");
      cases.put("{\"v\":1,\"type\":\"chat\",\"text\":\" \"}", "malformed");
      cases.put("{\"v\":1,\"type\":\"chat\",\"text\":\"nul\\u0000\"}", "malformed");
      cases.put(
          "{\"v\":1,\"type\":\"cursor\",\"ranges\":[{\"anchor\":-1,\"head\":0}]}", "malformed");
      cases.put(
          "{\"v\":1,\"type\":\"chat\",\"text\":\"" + "x".repeat(1_048_577) + "\"}", "too-large");

      cases.forEach(
          (text, code) -> {
            mallory.send(text);
            var error = mallory.next("error");
            assertThat(error.getString("code")).as(abbreviated(text)).isEqualTo(code);
            assertThat(error.getInt("v")).isEqualTo(1);
            assertThat(error.getString("message")).isNotBlank();
          });

      b.edit(Changes.replace(3, 3, 0, "d"));
      b.push();
      while (!b.unconfirmed.isEmpty()) {
        b.process(EditorClient.WAIT);
      }
      assertThat(b.errors).isEmpty();
      assertThat(b.version).isEqualTo(2);
      mallory.send("{\"v\":1,\"type\":\"ping\"}");
      assertThat(mallory.next("pong")).isNotNull();
    }
    try (var check = rooms.guest(room, "Check")) {
      var hello = check.next("hello");
      assertThat(hello.getString("doc")).isEqualTo("abcd");
      assertThat(hello.getInt("version")).isEqualTo(2);
    }
  }

  @Test
  void aClientSendingTooFastIsToldSo() {
    var room = rooms.create();
    try (var flooder = rooms.guest(room, "Flo")) {
      flooder.next("hello");
      for (int i = 0; i < 120; i++) {
        flooder.send("{\"v\":1,\"type\":\"ping\"}");
      }
      var error = flooder.next("error");
      assertThat(error.getString("code")).isEqualTo("rate-limited");
    }
  }

  private static String push(long version, String updates) {
    return "{\"v\":1,\"type\":\"push\",\"version\":" + version + ",\"updates\":" + updates + "}";
  }

  private static String update(String clientId, String changes) {
    return "{\"clientID\":\"" + clientId + "\",\"changes\":" + changes + "}";
  }

  private static String abbreviated(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }
}
