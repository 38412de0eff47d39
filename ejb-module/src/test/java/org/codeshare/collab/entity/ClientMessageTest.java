package org.codeshare.collab.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClientMessageTest {

  private static final ClientMessage.Limits LIMITS = new ClientMessage.Limits(2, 2, 10);

  @Test
  void aPushCarriesItsVersionAndParsedUpdates() {
    var push =
        (ClientMessage.Push)
            ClientMessage.parse(
                "{\"v\":1,\"type\":\"push\",\"version\":3,"
                    + "\"updates\":[{\"clientID\":\"c1\",\"changes\":[2,[0,\"x\"]]}]}",
                LIMITS);
    assertThat(push.version()).isEqualTo(3);
    assertThat(push.updates()).extracting(Update::clientId).containsExactly("c1");
    assertThat(push.updates().get(0).changes().apply("ab")).isEqualTo("abx");
  }

  @Test
  void theOtherTypesParse() {
    assertThat(ClientMessage.parse("{\"v\":1,\"type\":\"pull\",\"version\":0}", LIMITS))
        .isEqualTo(new ClientMessage.Pull(0));
    assertThat(ClientMessage.parse("{\"v\":1,\"type\":\"ping\"}", LIMITS))
        .isEqualTo(new ClientMessage.Ping());
    assertThat(ClientMessage.parse("{\"v\":1,\"type\":\"chat\",\"text\":\"hi\\nthere\"}", LIMITS))
        .isEqualTo(new ClientMessage.Chat("hi\nthere"));
    assertThat(
            ClientMessage.parse(
                "{\"v\":1,\"type\":\"cursor\",\"ranges\":[{\"anchor\":1,\"head\":4}]}", LIMITS))
        .isInstanceOfSatisfying(
            ClientMessage.Cursor.class, cursor -> assertThat(cursor.version()).isNull());
    assertThat(
            ClientMessage.parse(
                "{\"v\":1,\"type\":\"cursor\",\"version\":7,\"ranges\":[]}", LIMITS))
        .isInstanceOfSatisfying(
            ClientMessage.Cursor.class, cursor -> assertThat(cursor.version()).isEqualTo(7L));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nonsense|malformed",
        "42|malformed",
        "{\"v\":1,\"type\":7}|malformed",
        "{\"v\":\"1\",\"type\":\"ping\"}|unsupported-version",
        "{\"v\":1.5,\"type\":\"ping\"}|unsupported-version",
        "{\"v\":1,\"type\":\"PING\"}|unknown-type",
        "{\"v\":1,\"type\":\"pull\",\"version\":1.5}|malformed",
        "{\"v\":1,\"type\":\"pull\",\"version\":99999999999999999999}|bad-version",
        "{\"v\":1,\"type\":\"push\",\"version\":0}|malformed",
        "{\"v\":1,\"type\":\"push\",\"version\":0,\"updates\":[1]}|malformed",
        "{\"v\":1,\"type\":\"push\",\"version\":0,\"updates\":[{\"clientID\":\"a\"}]}|malformed",
        "{\"v\":1,\"type\":\"push\",\"version\":0,\"updates\":[{\"clientID\":\"a\",\"changes\":[-1]}]}"
            + "|invalid-changes",
        "{\"v\":1,\"type\":\"push\",\"version\":0,\"updates\":[{\"clientID\":\"a\",\"changes\":[]},"
            + "{\"clientID\":\"a\",\"changes\":[]},{\"clientID\":\"a\",\"changes\":[]}]}"
            + "|too-many-updates",
        "{\"v\":1,\"type\":\"cursor\",\"ranges\":[{\"anchor\":1}]}|malformed",
        "{\"v\":1,\"type\":\"cursor\",\"ranges\":[{\"anchor\":1,\"head\":2,\"x\":3}]}|malformed",
        "{\"v\":1,\"type\":\"cursor\",\"version\":\"7\",\"ranges\":[]}|malformed",
        "{\"v\":1,\"type\":\"cursor\",\"version\":-1,\"ranges\":[]}|bad-version",
        "{\"v\":1,\"type\":\"chat\",\"text\":\"much too long\"}|malformed",
        "{\"v\":1,\"type\":\"chat\",\"text\":\"\\ud800\"}|malformed",
      })
  void badMessagesAreRefusedWithTheirCode(String text, String code) {
    assertThatThrownBy(() -> ClientMessage.parse(text, LIMITS))
        .isInstanceOfSatisfying(
            ProtocolError.class, error -> assertThat(error.code()).isEqualTo(code));
  }

  @Test
  void loneSurrogatesAreEscapedSoTheyRoundTripThroughUtf8() {
    var json = ServerMessages.updates(0, java.util.List.of());
    assertThat(JsonText.wellFormed(json)).isSameAs(json);
    assertThat(JsonText.wellFormed("[\"a\ud83d\"]")).isEqualTo("[\"a\\ud83d\"]");
    assertThat(JsonText.wellFormed("[\"\ude00😀\"]")).isEqualTo("[\"\\ude00😀\"]");
    var changes = ChangeSetTest.changes("[[0,\"\\ud83d\"]]");
    var written =
        ServerMessages.updates(0, java.util.List.of(new Update("c", changes)))
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    var read = new String(written, java.nio.charset.StandardCharsets.UTF_8);
    var parsed =
        (ClientMessage.Push)
            ClientMessage.parse(
                read.replace("\"type\":\"updates\",\"from\":0", "\"type\":\"push\",\"version\":0"),
                LIMITS);
    assertThat(parsed.updates().get(0).changes()).isEqualTo(changes);
  }
}
