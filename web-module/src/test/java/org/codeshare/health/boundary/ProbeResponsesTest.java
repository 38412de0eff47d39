package org.codeshare.health.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProbeResponsesTest {

  private static ProbeResponses optional(List<String> names) {
    var responses = new ProbeResponses();
    responses.optional = names;
    return responses;
  }

  @Test
  void listedDependenciesAreOptionalWithSpacesAroundTheirNames() {
    // "redis, kafka" arrives as ["redis", " kafka"]
    var responses = optional(List.of("redis", " kafka"));

    assertThat(responses.required("kafka")).isFalse();
    assertThat(responses.required("redis")).isFalse();
    assertThat(responses.required("database")).isTrue();
    assertThat(responses.required("s3")).isTrue();
  }

  @Test
  void byDefaultEveryDependencyIsRequired() {
    var responses = optional(List.of("none"));

    assertThat(responses.required("database")).isTrue();
    assertThat(responses.required("redis")).isTrue();
  }
}
