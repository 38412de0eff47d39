package org.codeshare.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.codeshare.platform.control.CorsPolicy;
import org.codeshare.platform.control.Origins;
import org.codeshare.platform.control.RequestIds;
import org.codeshare.platform.control.SecurityHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The edge of every response the application serves: a request id, the security headers, {@code
 * Cache-Control: no-store} for the API, and CORS for the configured front-end origins (preflights
 * are answered here). One filter, so their order is fixed.
 */
@WebFilter(filterName = "security-headers", urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

  @Inject ClientAddress clientAddress;

  @Inject
  @ConfigProperty(name = "FRONTEND_ORIGIN")
  Optional<String> frontendOrigin;

  @Inject
  @ConfigProperty(name = "COOKIE_SECURE", defaultValue = "false")
  boolean cookieSecure;

  @Inject
  @ConfigProperty(name = "codeshare.http.hsts-max-age-seconds", defaultValue = "31536000")
  long hstsMaxAgeSeconds;

  @Inject
  @ConfigProperty(name = "codeshare.http.content-security-policy")
  Optional<String> contentSecurityPolicy;

  private SecurityHeaders securityHeaders;
  private CorsPolicy cors;

  @Override
  public void init() {
    securityHeaders = new SecurityHeaders(contentSecurityPolicy, cookieSecure, hstsMaxAgeSeconds);
    cors = new CorsPolicy(Origins.parseList(frontendOrigin.orElse(null)));
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var requestId = RequestIds.acceptOrGenerate(request.getHeader(RequestIds.HEADER));
    request.setAttribute(RequestIds.ATTRIBUTE, requestId);
    response.setHeader(RequestIds.HEADER, requestId);
    securityHeaders
        .forOrigin(clientAddress.originOf(request).orElse(null))
        .forEach(response::setHeader);
    if (isApi(request)) {
      response.setHeader("Cache-Control", "no-store");
    }
    if (cors.enabled() && answeredCors(request, response)) {
      return;
    }
    chain.doFilter(request, response);
  }

  /** Adds CORS headers for an allowed origin; true when this was its preflight, now answered. */
  private boolean answeredCors(HttpServletRequest request, HttpServletResponse response) {
    response.addHeader("Vary", "Origin");
    var origin = request.getHeader("Origin");
    if (!cors.allows(origin)) {
      return false;
    }
    var requestedMethod = request.getHeader("Access-Control-Request-Method");
    if (CorsPolicy.isPreflight(request.getMethod(), origin, requestedMethod)) {
      cors.preflightResponseHeaders(origin).forEach(response::setHeader);
      response.addHeader("Vary", "Access-Control-Request-Method");
      response.addHeader("Vary", "Access-Control-Request-Headers");
      response.setStatus(HttpServletResponse.SC_NO_CONTENT);
      return true;
    }
    cors.actualResponseHeaders(origin).forEach(response::setHeader);
    return false;
  }

  private static boolean isApi(HttpServletRequest request) {
    var path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }
}
