package org.codeshare.accounts.control;

import com.nimbusds.jose.jwk.RSAKey;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * An RSA key pair from PEM text, read with the JDK alone (the application server brings no PEM
 * parser): the private half as PKCS#8 ({@code BEGIN PRIVATE KEY}, what {@code openssl genpkey}
 * writes) or PKCS#1 ({@code BEGIN RSA PRIVATE KEY}), the public half as X.509 ({@code BEGIN PUBLIC
 * KEY}) or PKCS#1 ({@code BEGIN RSA PUBLIC KEY}). Line breaks written as the two characters {@code
 * \n} (a PEM file pasted into one line of an environment file) are read as line breaks. The two
 * halves must belong together.
 */
final class PemKeys {

  static final String PRIVATE_SETTING = "JWT_PRIVATE_KEY";
  static final String PUBLIC_SETTING = "JWT_PUBLIC_KEY";
  static final int MIN_BITS = 2048;

  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** rsaEncryption (1.2.840.113549.1.1.1) with its NULL parameters, as DER. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private PemKeys() {}

  /** The pair, with its key ID the thumbprint of its public half. */
  static RSAKey pair(String privatePem, String publicPem) {
    var privateKey = privateKey(privatePem);
    var publicKey = publicKey(publicPem);
    if (publicKey.getModulus().bitLength() < MIN_BITS) {
      // the token signer refuses shorter keys only when it signs: every login would fail
      throw new IllegalStateException(
          PRIVATE_SETTING
              + " is a "
              + publicKey.getModulus().bitLength()
              + "-bit RSA key; at least "
              + MIN_BITS
              + " bits are required");
    }
    if (!privateKey.getModulus().equals(publicKey.getModulus())
        || !privateKey.getPublicExponent().equals(publicKey.getPublicExponent())) {
      throw new IllegalStateException(
          PUBLIC_SETTING + " is not the public half of " + PRIVATE_SETTING);
    }
    try {
      return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
    } catch (com.nimbusds.jose.JOSEException e) {
      throw new IllegalStateException("cannot take the thumbprint of " + PUBLIC_SETTING, e);
    }
  }

  static RSAPrivateCrtKey privateKey(String pem) {
    var block = block(pem, PRIVATE_SETTING);
    byte[] pkcs8 =
        switch (block.label()) {
          case "PRIVATE KEY" -> block.der();
          case "RSA PRIVATE KEY" ->
              sequence(new byte[] {0x02, 0x01, 0x00}, RSA_ALGORITHM, tagged(0x04, block.der()));
          case "ENCRYPTED PRIVATE KEY" ->
              throw new IllegalStateException(
                  PRIVATE_SETTING
                      + " is encrypted; give it unencrypted (openssl pkey -in key.pem -out"
                      + " plain.pem) and protect it as a secret instead");
          default -> throw wrongLabel(PRIVATE_SETTING, block.label(), "PRIVATE KEY");
        };
    try {
      if (KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8))
          instanceof RSAPrivateCrtKey key) {
        return key;
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(PRIVATE_SETTING + " is not an RSA private key", e);
    }
    throw new IllegalStateException(PRIVATE_SETTING + " lacks the public exponent (not CRT form)");
  }

  static RSAPublicKey publicKey(String pem) {
    var block = block(pem, PUBLIC_SETTING);
    byte[] spki =
        switch (block.label()) {
          case "PUBLIC KEY" -> block.der();
          case "RSA PUBLIC KEY" -> sequence(RSA_ALGORITHM, bitString(block.der()));
          default -> throw wrongLabel(PUBLIC_SETTING, block.label(), "PUBLIC KEY");
        };
    try {
      if (KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki))
          instanceof RSAPublicKey key) {
        return key;
      }
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(PUBLIC_SETTING + " is not an RSA public key", e);
    }
    throw new IllegalStateException(PUBLIC_SETTING + " is not an RSA public key");
  }

  private record Block(String label, byte[] der) {}

  private static Block block(String text, String setting) {
    var matcher = BLOCK.matcher(text.replace("\\r", "").replace("\\n", "\n"));
    if (!matcher.find()) {
      throw new IllegalStateException(
          setting + " is not PEM text (-----BEGIN ...----- to -----END ...-----)");
    }
    if (matcher.group(2).contains("Proc-Type:")) { // OpenSSL's traditional encrypted form
      throw new IllegalStateException(
          setting
              + " is encrypted; give it unencrypted (openssl pkey -in key.pem -out plain.pem) and"
              + " protect it as a secret instead");
    }
    try {
      var base64 = matcher.group(2).replaceAll("\\s", "");
      return new Block(matcher.group(1), Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(setting + " is not PEM text: " + e.getMessage(), e);
    }
  }

  private static IllegalStateException wrongLabel(String setting, String label, String wanted) {
    return new IllegalStateException(
        setting + " holds a " + label + "; expected an RSA " + wanted + " in PEM");
  }

  private static byte[] sequence(byte[]... parts) {
    var body = new ByteArrayOutputStream();
    for (var part : parts) {
      body.writeBytes(part);
    }
    return tagged(0x30, body.toByteArray());
  }

  private static byte[] bitString(byte[] content) {
    var body = new byte[content.length + 1]; // no unused bits
    System.arraycopy(content, 0, body, 1, content.length);
    return tagged(0x03, body);
  }

  /** A DER element: its tag, its length (short or long form), its content. */
  private static byte[] tagged(int tag, byte[] content) {
    var out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }
}
