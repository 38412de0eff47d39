package org.codeshare.accounts.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Optional;

/** Where a request's session token came from: the bearer header (API) or the cookie (browser). */
public record SessionToken(String value, boolean fromCookie) {

  public static final String COOKIE = "codeshare_session";

  public static Optional<SessionToken> of(HttpServletRequest request) {
    var header = request.getHeader("Authorization");
    if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      var token = header.substring(7).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(new SessionToken(token, false));
    }
    var cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> COOKIE.equals(cookie.getName()) && !cookie.getValue().isBlank())
        .findFirst()
        .map(cookie -> new SessionToken(cookie.getValue(), true));
  }
}
