package dev.herald.platform.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.util.Locale;

/**
 * Every API request body is bounded: at most {@value #MAX_BYTES} bytes (a SQL report carries up to
 * 20,000 characters of SQL, a schedule up to 50 reports of 50 recipients each; both fit many times
 * over), and a JSON body must be UTF-8 nested at most {@value #MAX_DEPTH} deep (Herald's deepest
 * body, a schedule's date-range criterion, is five).
 *
 * <p>A declared Content-Length over the limit is refused before anything is read or matched. A body
 * without one, or with a false one, is counted as it is read (see {@link BoundedJsonStream}) and
 * refused at the first byte past the limit. Either way the answer is a 413 problem that closes the
 * connection, so the rest of the body is not read either.
 */
@Provider
@PreMatching
public class RequestBodyGuard implements ContainerRequestFilter, ReaderInterceptor {

    /** The most bytes of a request body: 1 MiB. */
    public static final int MAX_BYTES = 1024 * 1024;

    /** The deepest nesting of arrays and objects in a JSON body. */
    public static final int MAX_DEPTH = 32;

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null || declared.isBlank()) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            request.abortWith(RefusedBody.response(400, "Content-Length is not a number of bytes."));
            return;
        }
        if (length > MAX_BYTES) {
            request.abortWith(RefusedBody.response(
                    413, "The body (" + length + " bytes) is larger than the " + MAX_BYTES + " bytes the API takes."));
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(
                new BoundedJsonStream(context.getInputStream(), MAX_BYTES, MAX_DEPTH, isJson(context.getMediaType())));
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // The JSON parser and JSON-B wrap what the stream threw; the refusal is what the caller needs.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof BoundedJsonStream.Refused refused) {
                    throw new RefusedBody(refused.status(), refused.getMessage());
                }
            }
            throw e;
        }
    }

    private static boolean isJson(MediaType type) {
        return type == null
                || type.getSubtype().equalsIgnoreCase("json")
                || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json");
    }

    /** A body refused by a bound: its problem, and the connection closed after it. */
    public static final class RefusedBody extends WebApplicationException {

        RefusedBody(int status, String detail) {
            super(detail, response(status, detail));
        }

        static Response response(int status, String detail) {
            Response.StatusType type = Response.Status.fromStatusCode(status);
            String title = type == null ? "Refused" : type.getReasonPhrase();
            return new Problem("about:blank", title, status, detail, null)
                    .toResponseBuilder()
                    // The body may not have been read to its end: the connection is not reused.
                    .header("Connection", "close")
                    .build();
        }
    }
}
