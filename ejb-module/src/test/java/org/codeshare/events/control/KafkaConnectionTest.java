package org.codeshare.events.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

  @Test
  void securitySettingsGoToTheClientsUnderTheirKafkaNames() {
    var configured =
        Map.of(
            "kafka.security.protocol", "SASL_SSL",
            "kafka.sasl.mechanism", "SCRAM-SHA-512",
            "kafka.sasl.jaas.config", "ScramLoginModule required username=\"a\" password=\"b\";",
            "kafka.ssl.truststore.location", " ",
            "kafka.batch.size", "1");

    var security = KafkaConnection.security(key -> Optional.ofNullable(configured.get(key)));

    assertThat(security)
        .containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config")
        .containsEntry("security.protocol", "SASL_SSL")
        .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
  }

  @Test
  void withoutThemTheClientsConnectInPlainText() {
    assertThat(KafkaConnection.security(key -> Optional.empty())).isEmpty();
  }
}
