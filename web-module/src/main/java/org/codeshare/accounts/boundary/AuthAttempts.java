package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.codeshare.platform.boundary.ClientAddress;
import org.codeshare.ratelimit.control.RateLimiter;

/**
 * Limits sign-in and registration attempts per client address and email ({@code
 * codeshare.ratelimit.auth-per-minute}, 5 by default), shared by all nodes through Redis.
 */
@ApplicationScoped
public class AuthAttempts {

  @Inject RateLimiter limiter;
  @Inject ClientAddress clientAddress;

  public void check(HttpServletRequest request, String email) {
    limiter.requireAuthAttempt(clientAddress.of(request), email == null ? "" : email);
  }
}
