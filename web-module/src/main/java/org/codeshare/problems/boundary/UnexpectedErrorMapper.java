package org.codeshare.problems.boundary;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Anything unexpected: logged with an incident id the caller can quote, details kept inside. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Override
  public Response toResponse(Throwable exception) {
    var incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected error, incident " + incident, exception);
    return Problem.of(
            500,
            "internal",
            "Internal Server Error",
            "Something went wrong on our side. Incident " + incident + ".")
        .toResponse();
  }
}
