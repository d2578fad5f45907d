package dev.herald.platform.api;

import dev.herald.platform.boundary.ConflictException;
import dev.herald.platform.boundary.ForbiddenException;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.StaleVersionException;
import dev.herald.platform.boundary.UnavailableException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.boundary.VersionRequiredException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every exception that leaves a resource becomes a problem document. Expected failures (bad input,
 * not found, not allowed) are not logged as errors; an unexpected one is logged once with an id that
 * the answer repeats, and the answer never carries a stack trace.
 */
public final class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class.getName());

    private ProblemMappers() {}

    @Provider
    public static class Validation implements ExceptionMapper<ValidationException> {
        @Override
        public Response toResponse(ValidationException e) {
            return new Problem(
                            "https://herald.dev/problems/validation",
                            "Invalid input",
                            400,
                            "Some fields are not valid; see errors.",
                            e.errors())
                    .toResponse();
        }
    }

    @Provider
    public static class NotFound implements ExceptionMapper<NotFoundException> {
        @Override
        public Response toResponse(NotFoundException e) {
            return Problem.of(Response.Status.NOT_FOUND, "There is no " + e.kind() + " " + e.id() + ".")
                    .toResponse();
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<ConflictException> {
        @Override
        public Response toResponse(ConflictException e) {
            return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
        }
    }

    /** A change made against a version that is no longer current: 412, with the current version. */
    @Provider
    public static class StaleVersion implements ExceptionMapper<StaleVersionException> {
        @Override
        public Response toResponse(StaleVersionException e) {
            return Response.status(Response.Status.PRECONDITION_FAILED)
                    .type(Problem.PROBLEM_JSON)
                    .header("ETag", EntityTags.of(e.currentVersion()))
                    .entity(new VersionProblem(
                            "https://herald.dev/problems/stale-version",
                            "Precondition Failed",
                            412,
                            e.getMessage(),
                            e.currentVersion()))
                    .build();
        }
    }

    /** A change to a versioned thing without If-Match: 428 (RFC 6585). */
    @Provider
    public static class VersionRequired implements ExceptionMapper<VersionRequiredException> {
        @Override
        public Response toResponse(VersionRequiredException e) {
            return new Problem(
                            "https://herald.dev/problems/if-match-required",
                            "Precondition Required",
                            428,
                            e.getMessage(),
                            null)
                    .toResponse();
        }
    }

    /** A body JSON-B cannot bind: a 400 that says where, in the API's words (see UnreadableBodies). */
    @Provider
    public static class UnreadableBody implements ExceptionMapper<JsonbException> {
        @Override
        public Response toResponse(JsonbException e) {
            return UnreadableBodies.of(e).toResponse();
        }
    }

    /**
     * Jersey wraps a body that JSON-B cannot read (not JSON at all, a stray comma) in a
     * ProcessingException: that is the caller's mistake, a 400, not an incident.
     */
    @Provider
    public static class UnreadableEntity implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonbException || cause instanceof JsonException) {
                    return UnreadableBodies.of(e).toResponse();
                }
            }
            return unexpected(e);
        }
    }

    /** Something Herald depends on is switched off or out of reach; the detail says why, in plain words. */
    @Provider
    public static class Unavailable implements ExceptionMapper<UnavailableException> {
        @Override
        public Response toResponse(UnavailableException e) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, e.getMessage())
                    .toResponse();
        }
    }

    /** A body refused by a bound (too large, not UTF-8, nested too deep): its own problem, as made. */
    @Provider
    public static class RefusedBody implements ExceptionMapper<RequestBodyGuard.RefusedBody> {
        @Override
        public Response toResponse(RequestBodyGuard.RefusedBody e) {
            return e.getResponse();
        }
    }

    @Provider
    public static class Forbidden implements ExceptionMapper<ForbiddenException> {
        @Override
        public Response toResponse(ForbiddenException e) {
            return Problem.of(Response.Status.FORBIDDEN, e.getMessage()).toResponse();
        }
    }

    @Provider
    public static class AccessDenied implements ExceptionMapper<EJBAccessException> {
        @Override
        public Response toResponse(EJBAccessException e) {
            return Problem.of(Response.Status.FORBIDDEN, "You do not have the permission this needs.")
                    .toResponse();
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            String query = unreadableQueryParameter(e);
            if (query != null) {
                return new Validation().toResponse(ValidationException.of(query, "Give a whole number here."));
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), e.getMessage(), null)
                    .toResponse();
        }

        /**
         * The query parameter Jersey could not convert (its ParamException), or null. JAX-RS answers
         * such a request 404, as if the address were wrong; it is a wrong value, so Herald answers 400
         * on the parameter. Herald's query parameters that can fail to convert are all numbers
         * ({@code page}, {@code size}, {@code count}, {@code rows}, {@code wait}, {@code scheduleId}).
         * Jersey's class is read by reflection: the web module compiles against the Jakarta API only.
         */
        private static String unreadableQueryParameter(WebApplicationException e) {
            try {
                Object type = e.getClass().getMethod("getParameterType").invoke(e);
                if (type == QueryParam.class) {
                    Object name = e.getClass().getMethod("getParameterName").invoke(e);
                    return name == null ? null : name.toString();
                }
            } catch (ReflectiveOperationException | RuntimeException notJerseys) {
                return null;
            }
            return null;
        }
    }

    @Provider
    public static class Unexpected implements ExceptionMapper<EJBException> {
        @Override
        public Response toResponse(EJBException e) {
            Throwable cause = e.getCausedByException() == null ? e : e.getCausedByException();
            if (cause instanceof EJBAccessException denied) {
                return new AccessDenied().toResponse(denied);
            }
            return unexpected(cause);
        }
    }

    @Provider
    public static class Anything implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            return unexpected(e);
        }
    }

    static Response unexpected(Throwable e) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Unexpected API failure, incident " + incident, e);
        return Problem.of(
                        Response.Status.INTERNAL_SERVER_ERROR,
                        "Herald could not complete this request. Incident " + incident + " is in the server log.")
                .toResponse();
    }
}
