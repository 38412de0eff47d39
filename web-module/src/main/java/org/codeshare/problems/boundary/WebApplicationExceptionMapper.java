package org.codeshare.problems.boundary;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;

/**
 * Errors raised by the JAX-RS runtime itself (unknown path, wrong method or media type, unreadable
 * body) in the same problem+json shape as the application's own.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  private static final Map<Integer, String> TYPES =
      Map.of(
          400, "bad-request",
          401, "unauthorized",
          403, "forbidden",
          404, "not-found",
          405, "method-not-allowed",
          406, "not-acceptable",
          413, "payload-too-large",
          415, "unsupported-media-type");

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(WebApplicationException exception) {
    var response = exception.getResponse();
    var status = response.getStatus();
    if (status >= 500) {
      return new UnexpectedErrorMapper().toResponse(exception);
    }
    var reason = response.getStatusInfo().getReasonPhrase();
    var detail =
        status == 400
            ? "The request body could not be read: " + UnreadableBodyMapper.rootMessage(exception)
            : reason;
    var problem =
        Problem.of(status, TYPES.getOrDefault(status, "http-" + status), reason, detail)
            .at("/" + uriInfo.getPath());
    var builder = Response.fromResponse(problem.toResponse());
    response
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (name.equalsIgnoreCase("Allow")) {
                builder.header(name, values.get(0));
              }
            });
    return builder.type(Problem.MEDIA_TYPE).build();
  }
}
