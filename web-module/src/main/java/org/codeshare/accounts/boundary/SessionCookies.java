package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The browser's session cookie: HttpOnly, SameSite=Lax, Secure when COOKIE_SECURE=true. */
@ApplicationScoped
public class SessionCookies {

  @Inject
  @ConfigProperty(name = "COOKIE_SECURE", defaultValue = "false")
  boolean secure;

  public NewCookie of(String token, Instant expiresAt) {
    var maxAge = Duration.between(Clock.systemUTC().instant(), expiresAt).toSeconds();
    return builder(token).maxAge((int) Math.max(0, maxAge)).build();
  }

  public NewCookie cleared() {
    return builder("").maxAge(0).build();
  }

  private NewCookie.Builder builder(String value) {
    return new NewCookie.Builder(SessionToken.COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(secure)
        .sameSite(NewCookie.SameSite.LAX);
  }
}
