package org.codeshare.rooms.control;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * Room slugs are the room's address and, for link-shared rooms, its key: short enough to read out,
 * random enough (about 58 bits at 10 characters) that nobody finds a room by guessing.
 */
public class SlugGenerator {

  // No 0/O, 1/l/I: slugs get read aloud and copied by hand.
  static final String ALPHABET = "23456789abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
  public static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{4,32}");

  private final SecureRandom random = new SecureRandom();
  private final int length;

  public SlugGenerator(int length) {
    if (length < 8 || length > 32) {
      throw new IllegalArgumentException("slug length must be 8 to 32");
    }
    this.length = length;
  }

  public String next() {
    var slug = new char[length];
    for (int i = 0; i < length; i++) {
      slug[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
    }
    return new String(slug);
  }

  /** A 256-bit URL-safe secret, for capabilities such as a room's manage token. */
  public static String secret() {
    var bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static boolean isWellFormed(String slug) {
    return slug != null && VALID.matcher(slug).matches();
  }
}
