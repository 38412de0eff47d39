package org.codeshare.problems.boundary;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
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

  /**
   * {@code create.body.title} becomes {@code title}; a whole body ({@code create.body}) becomes
   * {@code body}; a query or path parameter ({@code mine.size}) keeps its name.
   */
  static String field(ConstraintViolation<?> violation) {
    List<Path.Node> nodes =
        StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
            .dropWhile(node -> node.getKind() == ElementKind.METHOD)
            .toList();
    if (nodes.size() > 1 && nodes.get(0).getKind() == ElementKind.PARAMETER) {
      nodes = nodes.subList(1, nodes.size());
    }
    return nodes.isEmpty()
        ? "body"
        : String.join(".", nodes.stream().map(Path.Node::getName).toList());
  }
}
