package org.codeshare.problems.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A body that is not valid JSON, or has a value of the wrong type, is the caller's mistake. */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ProcessingException exception) {
    return Problem.of(
            400,
            "malformed-body",
            "Malformed request body",
            "The request body is not valid JSON of the expected shape: " + rootMessage(exception))
        .at("/" + uriInfo.getPath())
        .toResponse();
  }

  static String rootMessage(Throwable exception) {
    var cause = exception;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    var message = cause.getMessage();
    return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
  }
}
