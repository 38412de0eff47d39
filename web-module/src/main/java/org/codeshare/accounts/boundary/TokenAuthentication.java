package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.codeshare.accounts.control.Accounts;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.InvalidToken;

/**
 * Authenticates API and WebSocket requests by the session token, from the bearer header or the
 * session cookie, on every request: endpoints open to anonymous callers still learn who a signed-in
 * caller is. A bad token does not fail here; it is recorded so that the API answers 401 with a
 * problem body.
 */
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

  public static final String CALLER = "org.codeshare.caller";
  public static final String TOKEN_ERROR = "org.codeshare.token-error";

  @Inject Accounts accounts;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    request.setAttribute(CALLER, Caller.ANONYMOUS);
    var path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.startsWith("/api/") && !path.startsWith("/ws/")) {
      return context.doNothing();
    }
    var token = SessionToken.of(request);
    if (token.isEmpty()) {
      return context.doNothing();
    }
    try {
      var caller = accounts.authenticate(token.get().value());
      request.setAttribute(CALLER, caller);
      return context.notifyContainerAboutLogin(
          caller.userId().toString(), Set.of(caller.role().name()));
    } catch (InvalidToken e) {
      request.setAttribute(TOKEN_ERROR, new RejectedToken(e, token.get().fromCookie()));
      return context.doNothing();
    }
  }

  /** Why a presented token was refused, and whether the browser cookie carried it. */
  public record RejectedToken(InvalidToken reason, boolean fromCookie) {}
}
