package org.codeshare.testing;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;

/** Checks of the {@code /health/ready} document, the same on Payara Server and Payara Micro. */
public final class Readiness {

  public static final Duration WAIT = Duration.ofSeconds(30);
  public static final String[] DEPENDENCIES = {"database", "redis", "kafka", "s3"};

  private Readiness() {}

  /** The check named {@code name} in a health document. */
  public static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check named " + name + " in " + health));
  }

  /** Every dependency is configured and UP with its latency; returns the document. */
  public static JsonObject everyDependencyUp(AppClient app) {
    var ready = app.awaitStatus("health/ready", 200, WAIT).json();
    for (var name : DEPENDENCIES) {
      var check = check(ready, name);
      assertThat(check.getString("status")).as(name).isEqualTo("UP");
      var data = check.getJsonObject("data");
      assertThat(data.get("configured").toString()).as(name).contains("true");
      assertThat(data.get("latencyMs")).as(name).isNotNull();
    }
    assertThat(check(ready, "database").getJsonObject("data").getString("kind"))
        .isEqualTo("postgresql");
    return ready;
  }

  /**
   * While {@code name} is stopped the node is unready (503) with that check DOWN, its state and
   * error in the data, and the node itself still serving; once started again the node is ready.
   */
  public static void outageIsReported(AppClient app, String name, Runnable stop, Runnable start) {
    app.awaitStatus("health/ready", 200, WAIT);
    stop.run();
    try {
      var down = app.awaitStatus("health/ready", 503, WAIT).json();
      var check = check(down, name);
      assertThat(check.getString("status")).isEqualTo("DOWN");
      var data = check.getJsonObject("data");
      assertThat(data.getString("error")).isNotBlank();
      assertThat(data.getString("state")).isEqualTo("DOWN");
      assertThat(data.getString("required")).isEqualTo("true");
      assertThat(check(down, "node").getString("status"))
          .as("the node itself is not draining")
          .isEqualTo("UP");
    } finally {
      start.run();
    }
    var up = app.awaitStatus("health/ready", 200, WAIT).json();
    assertThat(check(up, name).getString("status")).isEqualTo("UP");
  }
}
