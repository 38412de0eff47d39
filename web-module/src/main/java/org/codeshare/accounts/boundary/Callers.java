package org.codeshare.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.codeshare.accounts.entity.Caller;

/** Makes the authenticated caller of the current request injectable. */
@RequestScoped
public class Callers {

  @Inject HttpServletRequest request;

  @Produces
  Caller current() {
    return request.getAttribute(TokenAuthentication.CALLER) instanceof Caller caller
        ? caller
        : Caller.ANONYMOUS;
  }
}
