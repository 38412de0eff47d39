package org.codeshare.problems.boundary;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A body that is not valid JSON, has a value of the wrong type or a property the request does not
 * have, is the caller's mistake; the offending property is named when JSON-B names it.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  private static final Pattern UNKNOWN_PROPERTY =
      Pattern.compile("Json property (\\S+) can not be mapped");
  private static final Pattern WRONG_TYPE =
      Pattern.compile("Unable to deserialize property '([^']+)'");

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ProcessingException exception) {
    var unknown = property(exception, UNKNOWN_PROPERTY);
    if (unknown.isPresent()) {
      return fieldProblem(unknown.get(), "is not a known property");
    }
    var wrongType = property(exception, WRONG_TYPE);
    if (wrongType.isPresent()) {
      return fieldProblem(wrongType.get(), "has a value of the wrong type");
    }
    return Problem.of(
            400,
            "malformed-body",
            "Malformed request body",
            "The request body is not valid JSON of the expected shape: " + rootMessage(exception))
        .at("/" + uriInfo.getPath())
        .toResponse();
  }

  private Response fieldProblem(String field, String message) {
    var malformed = Problem.of(400, "malformed-body", "Malformed request body", null);
    return new Problem(
            malformed.type(),
            malformed.title(),
            400,
            "The request body's property '" + field + "' " + message + ".",
            "/" + uriInfo.getPath(),
            List.of(new Problem.FieldError(field, message)))
        .toResponse();
  }

  private static Optional<String> property(Throwable exception, Pattern pattern) {
    for (var cause = exception; cause != null; cause = cause.getCause()) {
      var matcher = pattern.matcher(String.valueOf(cause.getMessage()));
      if (matcher.find()) {
        return Optional.of(matcher.group(1));
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
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
