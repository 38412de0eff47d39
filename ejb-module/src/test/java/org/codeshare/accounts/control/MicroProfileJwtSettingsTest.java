package org.codeshare.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroProfileJwtSettingsTest {

  @TempDir Path dataDir;

  @Test
  void withoutAConfiguredPairTheGeneratedKeyVerifies() throws Exception {
    var settings = MicroProfileJwtSettings.settings(lookup(Map.of()));

    var signing = SigningKeys.generatedIn(dataDir);
    assertThat(publicKeyOf(settings)).isEqualTo(signing.toPublicKey());
    assertThat(settings)
        .containsEntry(MicroProfileJwtSettings.ISSUER, "codeshare")
        .containsEntry(MicroProfileJwtSettings.AUDIENCES, Tokens.SESSION);
  }

  // A configured PEM pair goes through the same SigningKeys.resolve; parsing PEM needs the
  // BouncyCastle of the runtime, which unit tests do not have.

  @Test
  void theIssuerIsOurs() {
    var settings =
        MicroProfileJwtSettings.settings(
            lookup(Map.of("codeshare.jwt.issuer", "https://codeshare.example.org")));

    assertThat(settings)
        .containsEntry(MicroProfileJwtSettings.ISSUER, "https://codeshare.example.org");
  }

  @Test
  void aConfiguredKeyLocationIsNotContradicted() {
    var settings =
        MicroProfileJwtSettings.settings(
            lookup(Map.of(MicroProfileJwtSettings.PUBLIC_KEY_LOCATION, "/keys/jwt.pub.pem")));

    assertThat(settings).doesNotContainKey(MicroProfileJwtSettings.PUBLIC_KEY);
  }

  private java.util.function.Function<String, Optional<String>> lookup(Map<String, String> values) {
    return name ->
        "CODESHARE_DATA_DIR".equals(name)
            ? Optional.of(dataDir.toString())
            : Optional.ofNullable(values.get(name));
  }

  private static java.security.PublicKey publicKeyOf(Map<String, String> settings)
      throws Exception {
    var pem = settings.get(MicroProfileJwtSettings.PUBLIC_KEY);
    assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----\n");
    var base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
  }
}
