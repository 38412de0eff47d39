package org.codeshare.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.codeshare.platform.control.AccessLogEntry;
import org.codeshare.platform.control.HttpMetrics;
import org.codeshare.platform.control.RequestIds;

/**
 * Times every request ({@code codeshare_http_request_seconds}) and writes one access log line per
 * API call and editor handshake: method, path without the query (tickets travel there), status,
 * duration, request id, user id and room slug. Probes and static files log at FINE.
 */
@WebFilter(filterName = "access-log", urlPatterns = "/*", asyncSupported = true)
public class AccessLogFilter extends HttpFilter {

  private static final Logger LOG = Logger.getLogger("org.codeshare.access");

  @Inject HttpMetrics metrics;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    long started = System.nanoTime();
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      long nanos = System.nanoTime() - started;
      var path = request.getRequestURI().substring(request.getContextPath().length());
      metrics.record(request.getMethod(), status, nanos);
      var entry =
          new AccessLogEntry(
              request.getMethod(),
              path,
              status,
              nanos,
              requestId(request, response),
              request.getUserPrincipal() == null ? null : request.getUserPrincipal().getName());
      var level = entry.routine() ? Level.FINE : Level.INFO;
      if (LOG.isLoggable(level)) {
        LOG.log(level, entry.message(), entry.fields());
      }
    }
  }

  private static String requestId(HttpServletRequest request, HttpServletResponse response) {
    var id = request.getAttribute(RequestIds.ATTRIBUTE);
    return id != null ? id.toString() : response.getHeader(RequestIds.HEADER);
  }
}
