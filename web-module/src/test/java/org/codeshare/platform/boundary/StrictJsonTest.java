package org.codeshare.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** With Yasson 3.0.4, the JSON-B implementation of Payara 6.2025.10. */
class StrictJsonTest {

  public record Body(String title, Boolean locked) {}

  public record View(String slug, String detail, Instant createdAt) {}

  private final Jsonb jsonb = new StrictJson().getContext(Body.class);

  @Test
  void anUnknownPropertyIsRefusedByName() {
    assertThatThrownBy(() -> jsonb.fromJson("{\"title\":\"x\",\"colour\":\"red\"}", Body.class))
        .isInstanceOf(JsonbException.class)
        .hasMessageContaining("Json property colour can not be mapped");
  }

  @Test
  void valuesOfTheWrongJsonTypeAreRefusedNamingTheProperty() {
    for (var json :
        new String[] {"{\"title\":5}", "{\"title\":{\"a\":1}}", "{\"locked\":\"yes\"}"}) {
      assertThatThrownBy(() -> jsonb.fromJson(json, Body.class))
          .as(json)
          .isInstanceOf(JsonbException.class)
          .hasMessageContaining("Unable to deserialize property");
    }
  }

  @Test
  void wellFormedBodiesBind() {
    assertThat(jsonb.fromJson("{\"title\":\"x\",\"locked\":true}", Body.class))
        .isEqualTo(new Body("x", true));
    assertThat(jsonb.fromJson("{}", Body.class)).isEqualTo(new Body(null, null));
  }

  @Test
  void anExplicitNullMeansAbsentForOptionalFields() {
    assertThat(jsonb.fromJson("{\"title\":null,\"locked\":null}", Body.class))
        .isEqualTo(new Body(null, null));
  }

  @Test
  void outputIsTheRuntimeDefaultWithNullsOmitted() throws Exception {
    var view = new View("abc", null, Instant.parse("2025-01-02T03:04:05Z"));
    try (var defaults = JsonbBuilder.create()) {
      assertThat(jsonb.toJson(view))
          .isEqualTo(defaults.toJson(view))
          .isEqualTo("{\"createdAt\":\"2025-01-02T03:04:05Z\",\"slug\":\"abc\"}");
    }
  }
}
