package org.codeshare.configuration.control;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionProfileTest {

  private static ProductionProfile profile(
      String name, String databaseUrl, String key, boolean cookieSecure) {
    var profile = new ProductionProfile();
    profile.profile = name;
    profile.databaseUrl = Optional.ofNullable(databaseUrl);
    profile.privateKey = Optional.ofNullable(key);
    profile.publicKey = Optional.ofNullable(key);
    profile.cookieSecure = cookieSecure;
    return profile;
  }

  @Test
  void theDefaultProfileStartsOnEmbeddedDefaults() {
    assertThatCode(() -> profile("default", null, null, false).check()).doesNotThrowAnyException();
  }

  @Test
  void prodRefusesToStartWithoutDatabaseKeysAndSecureCookiesAndSaysWhatIsMissing() {
    assertThatThrownBy(() -> profile("prod", null, null, false).check())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("DATABASE_URL")
        .hasMessageContaining("JWT_PRIVATE_KEY and JWT_PUBLIC_KEY")
        .hasMessageContaining("COOKIE_SECURE=true");
    assertThatThrownBy(() -> profile("PROD", "jdbc:postgresql://db/cs", " ", true).check())
        .hasMessageNotContaining("DATABASE_URL")
        .hasMessageContaining("JWT_PRIVATE_KEY");
  }

  @Test
  void prodStartsWhenEverythingIsConfigured() {
    assertThatCode(() -> profile("prod", "jdbc:postgresql://db/cs", "-----PEM-----", true).check())
        .doesNotThrowAnyException();
  }
}
