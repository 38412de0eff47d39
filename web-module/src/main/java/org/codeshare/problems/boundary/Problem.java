package org.codeshare.problems.boundary;

import jakarta.ws.rs.core.Response;
import java.util.List;
import org.codeshare.problems.entity.ProblemException;

/** An RFC 9457 problem detail; {@code errors} lists invalid fields of a request body. */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String instance,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public record FieldError(String field, String message) {}

  public static Problem of(int status, String type, String title, String detail) {
    return new Problem(ProblemException.TYPE_PREFIX + type, title, status, detail, null, null);
  }

  public Problem at(String path) {
    return new Problem(type, title, status, detail, path, errors);
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(this).build();
  }
}
