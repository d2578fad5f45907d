package dev.herald.platform.api;

import dev.herald.platform.boundary.ValidationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** An RFC 9457 problem, the body of every error the API answers. */
public record Problem(
        String type, String title, int status, String detail, List<ValidationException.FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");

    public static Problem of(Response.Status status, String detail) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, null);
    }

    public Response toResponse() {
        return toResponseBuilder().build();
    }

    public Response.ResponseBuilder toResponseBuilder() {
        return Response.status(status).type(PROBLEM_JSON).entity(this);
    }
}
