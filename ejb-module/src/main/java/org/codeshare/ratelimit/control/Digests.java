package org.codeshare.ratelimit.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Hex digests: limiter keys never hold an email or address in the clear. */
final class Digests {

  private Digests() {}

  static String sha256Hex(String value) {
    return hex("SHA-256", value);
  }

  static String sha1Hex(String value) {
    return hex("SHA-1", value);
  }

  private static String hex(String algorithm, String value) {
    try {
      var digest = MessageDigest.getInstance(algorithm);
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }
}
