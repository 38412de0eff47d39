package org.codeshare.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import org.codeshare.platform.control.Origins;
import org.codeshare.platform.control.SameOriginPolicy;
import org.codeshare.platform.entity.CrossSiteRequest;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Refuses cookie-authenticated writes from other sites (see {@link SameOriginPolicy}). */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class SameOriginFilter implements ContainerRequestFilter {

  @Inject ClientAddress clientAddress;
  @Inject HttpServletRequest servletRequest;

  @Inject
  @ConfigProperty(name = "FRONTEND_ORIGIN")
  Optional<String> frontendOrigin;

  private SameOriginPolicy policy;

  @PostConstruct
  void init() {
    policy = new SameOriginPolicy(Origins.parseList(frontendOrigin.orElse(null)));
  }

  @Override
  public void filter(ContainerRequestContext request) {
    var authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    var check =
        new SameOriginPolicy.Request(
            request.getMethod(),
            request.getCookies().containsKey(SameOriginPolicy.SESSION_COOKIE),
            authorization != null && !authorization.isBlank(),
            request.getHeaderString("Origin"),
            request.getHeaderString("Referer"),
            clientAddress.originOf(servletRequest).orElse(null));
    if (!policy.permits(check)) {
      throw new CrossSiteRequest();
    }
  }
}
