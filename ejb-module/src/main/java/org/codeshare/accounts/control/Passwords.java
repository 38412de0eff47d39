package org.codeshare.accounts.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Salted PBKDF2-HMAC-SHA512 from Jakarta Security. Verifying works for hashes made with other
 * iteration counts, so raising {@code codeshare.accounts.pbkdf2-iterations} is safe.
 */
@ApplicationScoped
public class Passwords {

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = "codeshare.accounts.pbkdf2-iterations", defaultValue = "210000")
  int iterations;

  private String unknownUserHash;

  @PostConstruct
  void init() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    unknownUserHash = hash("not a real password".toCharArray());
  }

  public String hash(char[] password) {
    return hash.generate(password);
  }

  public boolean matches(char[] password, String stored) {
    return hash.verify(password, stored);
  }

  /** Spends the time a real check would, so response times do not reveal unknown emails. */
  public void matchNothing(char[] password) {
    hash.verify(password, unknownUserHash);
  }
}
