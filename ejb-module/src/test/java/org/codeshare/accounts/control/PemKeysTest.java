package org.codeshare.accounts.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Key pairs written by {@code openssl} (test resources under {@code pem/}, a throwaway test key):
 * {@code genpkey} output as the operations guide tells operators to make it, its PKCS#1 forms, and
 * what must be refused.
 */
class PemKeysTest {

  @TempDir Path dataDir;

  private static String pem(String name) {
    try (InputStream in = PemKeysTest.class.getResourceAsStream("/pem/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void anOpensslPairSignsTokensItsPublicHalfVerifies() throws Exception {
    var key = PemKeys.pair(pem("test-key.pem"), pem("test-key.pub.pem"));

    var token =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
            new JWTClaimsSet.Builder().subject("ann").build());
    token.sign(new RSASSASigner(key));
    var parsed = SignedJWT.parse(token.serialize());

    assertThat(parsed.verify(new RSASSAVerifier(PemKeys.publicKey(pem("test-key.pub.pem")))))
        .isTrue();
    assertThat(parsed.verify(new RSASSAVerifier(PemKeys.publicKey(pem("other-key.pub.pem")))))
        .isFalse();
    assertThat(key.getKeyID()).isEqualTo(key.computeThumbprint().toString());
  }

  @Test
  void pkcs1HalvesAreTheSameKey() throws Exception {
    var pkcs8 = PemKeys.pair(pem("test-key.pem"), pem("test-key.pub.pem"));
    var pkcs1 = PemKeys.pair(pem("test-key.rsa.pem"), pem("test-key.rsa.pub.pem"));

    assertThat(pkcs1.toRSAPrivateKey()).isEqualTo(pkcs8.toRSAPrivateKey());
    assertThat(pkcs1.getKeyID()).isEqualTo(pkcs8.getKeyID());
  }

  @Test
  void aPemOnOneLineWithEscapedLineBreaksIsTheSameKey() throws Exception {
    var oneLine = pem("test-key.pem").replace("\n", "\\r\\n"); // written on Windows
    var publicLine = pem("test-key.pub.pem").replace("\n", "\\n");

    assertThat(PemKeys.pair(oneLine, publicLine).getKeyID())
        .isEqualTo(PemKeys.pair(pem("test-key.pem"), pem("test-key.pub.pem")).getKeyID());
  }

  @Test
  void halvesOfDifferentPairsAreRefused() {
    assertThatThrownBy(() -> PemKeys.pair(pem("test-key.pem"), pem("other-key.pub.pem")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("JWT_PUBLIC_KEY is not the public half of JWT_PRIVATE_KEY");
  }

  @Test
  void whatIsNoUsableRsaKeyIsRefusedByName() {
    assertThatThrownBy(() -> PemKeys.privateKey(pem("test-key.encrypted.pem")))
        .hasMessageStartingWith("JWT_PRIVATE_KEY is encrypted");
    assertThatThrownBy(() -> PemKeys.privateKey(pem("test-key.rsa-encrypted.pem")))
        .hasMessageStartingWith("JWT_PRIVATE_KEY is encrypted");
    assertThatThrownBy(() -> PemKeys.pair(pem("short-key.pem"), pem("short-key.pub.pem")))
        .hasMessage("JWT_PRIVATE_KEY is a 1024-bit RSA key; at least 2048 bits are required");
    assertThatThrownBy(() -> PemKeys.privateKey(pem("ec-key.pem")))
        .hasMessage("JWT_PRIVATE_KEY is not an RSA private key");
    assertThatThrownBy(() -> PemKeys.privateKey(pem("test-key.pub.pem")))
        .hasMessage("JWT_PRIVATE_KEY holds a PUBLIC KEY; expected an RSA PRIVATE KEY in PEM");
    assertThatThrownBy(() -> PemKeys.publicKey("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA"))
        .hasMessageStartingWith("JWT_PUBLIC_KEY is not PEM text");
    assertThatThrownBy(
            () -> PemKeys.publicKey("-----BEGIN PUBLIC KEY-----\n@@@\n-----END PUBLIC KEY-----"))
        .hasMessageStartingWith("JWT_PUBLIC_KEY is not PEM text");
  }

  @Test
  void aConfiguredPairIsUsedAndNothingIsGenerated() throws Exception {
    var key =
        SigningKeys.resolve(
            Optional.of(pem("test-key.pem")), Optional.of(pem("test-key.pub.pem")), dataDir);

    assertThat(key.toRSAPublicKey()).isEqualTo(PemKeys.publicKey(pem("test-key.pub.pem")));
    assertThat(Files.exists(dataDir.resolve(SigningKeys.KEY_FILE))).isFalse();
  }
}
