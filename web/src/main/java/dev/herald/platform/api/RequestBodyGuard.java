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
import java.io.InputStream;
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
        InputStream body = context.getInputStream();
        BoundedJsonStream bounded = new BoundedJsonStream(body, MAX_BYTES, MAX_DEPTH, isJson(context.getMediaType()));
        context.setInputStream(bounded);
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
        } finally {
            drain(body, MAX_BYTES - bounded.bytesRead());
        }
    }

    /**
     * Reads what JSON-B left of a body (it stops at the first value of the wrong type), up to the
     * bound. Over HTTP/2 a body the server never reads is never credited back to the connection's
     * flow-control window, so a client sending on the same connection stalled after a few such
     * answers (the hostile-input probe saw a 30-second time-out); over HTTP/1.1 the next request on the
     * connection would wait behind it. A body past the bound is refused with the connection closed.
     */
    static void drain(InputStream body, long atMost) {
        byte[] buffer = new byte[8192];
        long left = Math.max(0, atMost);
        try {
            while (left > 0) {
                int read = body.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    return;
                }
                left -= read;
            }
        } catch (IOException e) {
            // the caller went away or broke the body off: nothing left to free
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
