package org.codeshare.accounts.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Constructor;
import java.util.Set;
import org.codeshare.accounts.control.Accounts;
import org.codeshare.accounts.control.Tokens;
import org.codeshare.accounts.entity.Caller;
import org.codeshare.accounts.entity.InvalidToken;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Authenticates API and WebSocket requests by the session token, from the bearer header or the
 * session cookie, on every request: endpoints open to anonymous callers still learn who a signed-in
 * caller is. MicroProfile JWT verifies the token (Payara's identity store, installed by
 * {@code @LoginConfig}); this mechanism finds it, adds revocation and disabled accounts, and
 * replaces Payara's MP-JWT mechanism (the alternative wins), which reads one place only and answers
 * a bad token without a problem body. A bad token does not fail here; it is recorded so that the
 * API answers 401 with a problem body.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class TokenAuthentication implements HttpAuthenticationMechanism {

  public static final String CALLER = "org.codeshare.caller";
  public static final String TOKEN_ERROR = "org.codeshare.token-error";
  private static final String SIGNED_JWT_CREDENTIAL =
      "fish.payara.microprofile.jwtauth.eesecurity.SignedJWTCredential";

  @Inject IdentityStoreHandler identityStores;
  @Inject Accounts accounts;
  @Inject Tokens tokens;

  private volatile Constructor<? extends Credential> signedJwtCredential;

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
      var jwt = verified(token.get().value());
      var caller = accounts.authenticate(jwt);
      request.setAttribute(CALLER, caller);
      // The principal stays MP-JWT's token (so JsonWebToken can be injected); the role is the
      // account's current one, not the one the token was issued with.
      return context.notifyContainerAboutLogin(jwt, Set.of(caller.role().name()));
    } catch (InvalidToken e) {
      request.setAttribute(TOKEN_ERROR, new RejectedToken(e, token.get().fromCookie()));
      return context.doNothing();
    }
  }

  private JsonWebToken verified(String token) {
    var result = identityStores.validate(signedJwtCredential(token));
    if (result.getStatus() == CredentialValidationResult.Status.VALID
        && result.getCallerPrincipal() instanceof JsonWebToken jwt) {
      return jwt;
    }
    throw tokens.refusal(token, Tokens.SESSION);
  }

  /**
   * Payara's {@code SignedJWTCredential}, the credential its MP-JWT identity store verifies. Loaded
   * by name: Payara does not publish that module to Maven Central, and Server and Micro both have
   * it.
   */
  private Credential signedJwtCredential(String token) {
    try {
      var constructor = signedJwtCredential;
      if (constructor == null) {
        constructor =
            Class.forName(SIGNED_JWT_CREDENTIAL, true, TokenAuthentication.class.getClassLoader())
                .asSubclass(Credential.class)
                .getConstructor(String.class);
        signedJwtCredential = constructor;
      }
      return constructor.newInstance(token);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Payara's MicroProfile JWT is not available", e);
    }
  }

  /** Why a presented token was refused, and whether the browser cookie carried it. */
  public record RejectedToken(InvalidToken reason, boolean fromCookie) {}
}
