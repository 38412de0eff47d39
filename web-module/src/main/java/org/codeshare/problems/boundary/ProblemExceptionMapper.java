package org.codeshare.problems.boundary;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.codeshare.problems.entity.ProblemException;

@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context UriInfo uriInfo;

  @Override
  public Response toResponse(ProblemException exception) {
    var status = exception.getResponse().getStatus();
    var problem =
        new Problem(
            exception.type(),
            exception.title(),
            status,
            exception.getMessage(),
            "/" + uriInfo.getPath(),
            null);
    var response = Response.fromResponse(problem.toResponse());
    exception.headers().forEach(response::header);
    return response.build();
  }
}
