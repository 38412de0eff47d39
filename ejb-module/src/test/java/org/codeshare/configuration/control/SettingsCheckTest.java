package org.codeshare.configuration.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsCheckTest {

  private static final java.lang.reflect.Type OPTIONAL_DURATION = optionalDuration();

  @Test
  void durationsMustBeIso8601() {
    assertThat(SettingsCheck.problem("codeshare.jwt.session-ttl", "PT12H", Duration.class))
        .isEmpty();
    assertThat(SettingsCheck.problem("codeshare.rooms.purge-after", " P30D ", Duration.class))
        .isEmpty();
    assertThat(SettingsCheck.problem("codeshare.jwt.session-ttl", "12h", Duration.class))
        .contains(
            "codeshare.jwt.session-ttl is \"12h\", not an ISO-8601 duration (such as PT12H, PT30S"
                + " or P7D)");
    assertThat(SettingsCheck.problem("codeshare.rooms.purge-after", "P1M", Duration.class))
        .isPresent();
    assertThat(SettingsCheck.problem("x", "banana", OPTIONAL_DURATION)).isPresent();
  }

  @Test
  void numbersMustBeNumbers() {
    assertThat(SettingsCheck.problem("codeshare.collab.max-doc-length", "1000000", int.class))
        .isEmpty();
    assertThat(SettingsCheck.problem("codeshare.collab.max-doc-length", "1e6", int.class))
        .contains("codeshare.collab.max-doc-length is \"1e6\", not a whole number");
    assertThat(SettingsCheck.problem("n", "12 000", Long.class)).isPresent();
  }

  @Test
  void theEventsTopicMustBeAKafkaTopicThatFitsTheOutbox() {
    assertThat(SettingsCheck.problem(SettingsCheck.TOPIC, "codeshare.events", String.class))
        .isEmpty();
    assertThat(SettingsCheck.problem(SettingsCheck.TOPIC, "a".repeat(101), String.class))
        .isPresent();
    assertThat(SettingsCheck.problem(SettingsCheck.TOPIC, "code share", String.class))
        .contains(
            "codeshare.events.topic is \"code share\", not a Kafka topic name of at most 100"
                + " letters, digits, '.', '_' and '-'");
  }

  @Test
  void unsetAndOtherKindsAreLeftAlone() {
    assertThat(SettingsCheck.problem("x", "  ", Duration.class)).isEmpty();
    assertThat(SettingsCheck.problem("x", "anything", String.class)).isEmpty();
    assertThat(SettingsCheck.problem("x", "yes", boolean.class)).isEmpty();
  }

  private static java.lang.reflect.Type optionalDuration() {
    try {
      return Holder.class.getDeclaredField("value").getGenericType();
    } catch (NoSuchFieldException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Holder {
    @SuppressWarnings("unused")
    Optional<Duration> value;

    @SuppressWarnings("unused")
    List<String> other;
  }
}
