package org.codeshare.platform.boundary;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import org.codeshare.platform.control.BoundedInputStream;
import org.codeshare.platform.entity.PayloadTooLarge;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Request bodies above {@code codeshare.http.max-body-bytes} are refused with 413: up front by
 * their {@code Content-Length}, and while reading for bodies sent without one (chunked).
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
@ApplicationScoped
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

  @Inject
  @ConfigProperty(name = "codeshare.http.max-body-bytes", defaultValue = "1048576")
  long maxBytes;

  @Override
  public void filter(ContainerRequestContext request) {
    var length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null && declaresMoreThanTheLimit(length.strip())) {
      throw new PayloadTooLarge(maxBytes);
    }
  }

  private boolean declaresMoreThanTheLimit(String length) {
    return length.matches("\\d+") && (length.length() > 18 || Long.parseLong(length) > maxBytes);
  }

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    var bounded = new BoundedInputStream(context.getInputStream(), maxBytes);
    context.setInputStream(bounded);
    try {
      return context.proceed();
    } catch (IOException | RuntimeException e) {
      if (bounded.exceeded()) {
        throw new PayloadTooLarge(maxBytes);
      }
      throw e;
    }
  }
}
