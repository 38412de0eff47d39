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

  @Test
  void aConfiguredPairsPublicHalfVerifies() throws Exception {
    var privatePem = resource("test-key.pem");
    var publicPem = resource("test-key.pub.pem");
    var settings =
        MicroProfileJwtSettings.settings(
            lookup(Map.of("JWT_PRIVATE_KEY", privatePem, "JWT_PUBLIC_KEY", publicPem)));

    assertThat(publicKeyOf(settings)).isEqualTo(PemKeys.publicKey(publicPem));
  }

  private static String resource(String name) throws java.io.IOException {
    try (var in = MicroProfileJwtSettingsTest.class.getResourceAsStream("/pem/" + name)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }
  }

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
