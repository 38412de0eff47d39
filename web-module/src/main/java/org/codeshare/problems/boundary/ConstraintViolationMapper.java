package org.codeshare.problems.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

/** Bean Validation failures become a 400 problem that names each invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ConstraintViolationException exception) {
    var errors =
        exception.getConstraintViolations().stream()
            .map(violation -> new Problem.FieldError(field(violation), violation.getMessage()))
            .sorted(Comparator.comparing(Problem.FieldError::field))
            .toList();
    var detail =
        errors.size() == 1
            ? errors.get(0).field() + " " + errors.get(0).message()
            : errors.size() + " fields are invalid";
    return new Problem(
            Problem.of(400, "validation", "Invalid request", detail).type(),
            "Invalid request",
            400,
            detail,
            "/" + uriInfo.getPath(),
            errors)
        .toResponse();
  }

  /** {@code create.request.title} becomes {@code title}; the body itself becomes {@code body}. */
  static String field(ConstraintViolation<?> violation) {
    List<Path.Node> nodes =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
    var beanNodes =
        nodes.stream()
            .dropWhile(
                node ->
                    node.getKind() == jakarta.validation.ElementKind.METHOD
                        || node.getKind() == jakarta.validation.ElementKind.PARAMETER)
            .map(Path.Node::getName)
            .toList();
    return beanNodes.isEmpty() ? "body" : String.join(".", beanNodes);
  }
}
