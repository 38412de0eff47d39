package org.codeshare.configuration.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code CODESHARE_PROFILE=prod} the application refuses to start on the embedded defaults
 * that are only right on a laptop: it needs a real database, a signing key pair and secure cookies.
 */
@Singleton
@Startup
public class ProductionProfile {

  @Inject
  @ConfigProperty(name = "CODESHARE_PROFILE", defaultValue = "default")
  String profile;

  @Inject
  @ConfigProperty(name = "DATABASE_URL")
  Optional<String> databaseUrl;

  @Inject
  @ConfigProperty(name = "JWT_PRIVATE_KEY")
  Optional<String> privateKey;

  @Inject
  @ConfigProperty(name = "JWT_PUBLIC_KEY")
  Optional<String> publicKey;

  @Inject
  @ConfigProperty(name = "COOKIE_SECURE", defaultValue = "false")
  boolean cookieSecure;

  @PostConstruct
  void check() {
    if (!"prod".equalsIgnoreCase(profile)) {
      return;
    }
    var missing = new ArrayList<String>();
    if (databaseUrl.filter(v -> !v.isBlank()).isEmpty()) {
      missing.add("DATABASE_URL (PostgreSQL)");
    }
    if (privateKey.filter(v -> !v.isBlank()).isEmpty()
        || publicKey.filter(v -> !v.isBlank()).isEmpty()) {
      missing.add("JWT_PRIVATE_KEY and JWT_PUBLIC_KEY");
    }
    if (!cookieSecure) {
      missing.add("COOKIE_SECURE=true");
    }
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "CODESHARE_PROFILE=prod refuses to start without: " + String.join(", ", missing));
    }
  }
}
