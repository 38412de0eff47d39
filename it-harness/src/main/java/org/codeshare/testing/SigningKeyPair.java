package org.codeshare.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An RSA key pair for signing session tokens, in the PEM forms {@code openssl genpkey} and {@code
 * openssl pkey -pubout} write (PKCS#8 and X.509), made once per test JVM: what operators set as
 * {@code JWT_PRIVATE_KEY} and {@code JWT_PUBLIC_KEY} so that every node signs and verifies alike.
 */
public final class SigningKeyPair {

  private static final KeyPair PAIR = generate();

  private SigningKeyPair() {}

  public static String privatePem() {
    return pem("PRIVATE KEY", PAIR.getPrivate().getEncoded());
  }

  public static String publicPem() {
    return pem("PUBLIC KEY", PAIR.getPublic().getEncoded());
  }

  private static KeyPair generate() {
    try {
      var generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("RSA is part of every JDK", e);
    }
  }

  private static String pem(String label, byte[] der) {
    return "-----BEGIN "
        + label
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + label
        + "-----\n";
  }
}
