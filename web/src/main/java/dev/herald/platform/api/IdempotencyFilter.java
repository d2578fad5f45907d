package dev.herald.platform.api;

import dev.herald.platform.boundary.IdempotencyKeys;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.platform.control.IdempotencyRecords.Answer;
import dev.herald.platform.control.IdempotencyRecords.Claim;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code Idempotency-Key} on the POSTs that start work or create things ({@link IdempotentOperations}).
 * Without the header, or on any other operation, a request goes on exactly as without this filter.
 *
 * <p>With it, before the request reaches its method, the signed-in caller's key is claimed in the
 * database ({@link IdempotencyKeys}; one row per caller and key, so that every instance on the
 * database agrees) together with the operation and the SHA-256 of the query and body:
 *
 * <ul>
 *   <li>first use: the request goes on and does its work;
 *   <li>same operation, query and body as the key's first request, which answered 2xx within the
 *       last 24 hours: its answer again (status, body, Location), with {@code Idempotent-Replayed:
 *       true}, and nothing is started or created. A file answer (on-demand run) is not copied: it is
 *       served again from its {@code Content-Location}, the run's file, for as long as that is kept;
 *   <li>another operation, query or body: 422 naming the header;
 *   <li>the first request is still being processed: 409 with {@code Retry-After};
 *   <li>a key that is not 1-255 printable ASCII characters: 400 naming the header.
 * </ul>
 *
 * <p><b>Failures.</b> Only a 2xx answer is kept. Any other answer (a 4xx refusal, a 5xx) frees the
 * key at once, so a failed request is never replayed as a success and may be retried with the same
 * key. A first request that never answers (its instance stopped, an error the container answered
 * itself) leaves its claim without an answer: for five minutes another request with the key gets
 * 409, after that it retakes the key and does the work. The work and the keeping of its answer are
 * two transactions: an instance that dies between them leaves work done whose key is retaken after
 * five minutes. Keys are kept 24 hours from their first use, then deleted (on the way, and every ten
 * minutes by each instance).
 */
@Provider
@PreMatching
@Priority(Priorities.USER + 500)
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyFilter.class.getName());

    /** The most bytes of an answer copied into the table (the JSON answers are a few kilobytes). */
    static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private static final String HELD = IdempotencyFilter.class.getName() + ".held";
    private static final String ANSWERED = IdempotencyFilter.class.getName() + ".answered";
    private static final String REPLAYED_FROM = IdempotencyFilter.class.getName() + ".replayedFrom";

    /** The key this request holds: the claim's row and token. */
    private record Held(long id, String token) {}

    /** A held key whose 2xx answer is being written. */
    private record Answered(Held held, int status, String location, String contentLocation) {}

    private volatile IdempotencyKeys keys;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        List<String> headers = request.getHeaders().get(IdempotentOperations.HEADER);
        if (headers == null || headers.isEmpty()) {
            return;
        }
        String operation = IdempotentOperations.operation(
                        request.getMethod(), request.getUriInfo().getPath())
                .orElse(null);
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (operation == null || caller == null) {
            return; // not an operation that takes a key; or not signed in, which the method refuses
        }
        // Read first, whatever the answer: a body left unread stalls the next requests on an HTTP/2 connection.
        byte[] body = readBody(request);
        if (body == null) {
            request.abortWith(RequestBodyGuard.RefusedBody.response(
                    413, "The body is larger than the " + RequestBodyGuard.MAX_BYTES + " bytes the API takes."));
            return;
        }
        request.setEntityStream(new ByteArrayInputStream(body));
        String key = headers.get(0);
        String refusal = headers.size() > 1 ? "Give one key." : IdempotentOperations.refusal(key);
        if (refusal != null) {
            request.abortWith(new ProblemMappers.Validation()
                    .toResponse(ValidationException.of(IdempotentOperations.HEADER, refusal)));
            return;
        }
        String fingerprint = IdempotentOperations.fingerprint(
                request.getUriInfo().getRequestUri().getRawQuery(), body);
        Claim claim = keys().claim(key, operation, fingerprint);
        switch (claim.outcome()) {
            case TAKEN -> request.setProperty(HELD, new Held(claim.id(), claim.token()));
            case REPLAY -> replay(request, claim.answer());
            case MISMATCH ->
                request.abortWith(new Problem(
                                "about:blank",
                                "Unprocessable Content",
                                422,
                                "This Idempotency-Key was first sent with another operation, query or body.",
                                List.of(new ValidationException.FieldError(
                                        IdempotentOperations.HEADER,
                                        "Use a new key for a new request; this one was used for another.")))
                        .toResponse());
            case IN_PROGRESS ->
                request.abortWith(new Problem(
                                "about:blank",
                                "Conflict",
                                409,
                                "The first request with this Idempotency-Key is still being processed;"
                                        + " send it again when that has answered.",
                                List.of(new ValidationException.FieldError(
                                        IdempotentOperations.HEADER, "Still being processed.")))
                        .toResponseBuilder()
                        .header("Retry-After", 1)
                        .build());
        }
    }

    /** The kept answer again; a file answer by serving its address instead of the POST. */
    private static void replay(ContainerRequestContext request, Answer answer) {
        if (answer.body() == null && answer.contentLocation() != null) {
            URI base = request.getUriInfo().getBaseUri();
            String path = URI.create(answer.contentLocation()).getRawPath();
            if (path != null && path.startsWith(base.getRawPath())) {
                request.setMethod("GET");
                request.setEntityStream(InputStream.nullInputStream());
                request.setRequestUri(
                        base, base.resolve(path.substring(base.getRawPath().length())));
                request.setProperty(REPLAYED_FROM, answer.contentLocation());
                return;
            }
        }
        Response.ResponseBuilder replayed =
                Response.status(answer.status()).header(IdempotentOperations.REPLAYED, "true");
        if (answer.location() != null) {
            replayed.header(HttpHeaders.LOCATION, answer.location());
        }
        if (answer.contentLocation() != null) {
            replayed.header(HttpHeaders.CONTENT_LOCATION, answer.contentLocation());
        }
        if (answer.body() != null) {
            replayed.entity(answer.body()).type(answer.contentType());
        }
        request.abortWith(replayed.build());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        Object replayedFrom = request.getProperty(REPLAYED_FROM);
        if (replayedFrom != null) {
            response.getHeaders().putSingle(IdempotentOperations.REPLAYED, "true");
            response.getHeaders().putSingle(HttpHeaders.CONTENT_LOCATION, replayedFrom);
        }
        if (!(request.getProperty(HELD) instanceof Held held)) {
            return;
        }
        request.removeProperty(HELD);
        int status = response.getStatus();
        if (status < 200 || status > 299) {
            release(held);
            return;
        }
        String location = response.getHeaderString(HttpHeaders.LOCATION);
        String contentLocation = response.getHeaderString(HttpHeaders.CONTENT_LOCATION);
        if (!response.hasEntity()) {
            complete(held, new Answer(status, null, location, contentLocation, null));
            return;
        }
        request.setProperty(ANSWERED, new Answered(held, status, location, contentLocation));
    }

    /**
     * Keeps a JSON answer before it goes out (so that a caller who hung up can have it again), or a
     * file answer's address; any other answer frees the key.
     */
    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(ANSWERED) instanceof Answered answered)) {
            context.proceed();
            return;
        }
        context.removeProperty(ANSWERED);
        MediaType type = context.getMediaType();
        if (!isJson(type)) {
            if (answered.contentLocation() != null) {
                complete(
                        answered.held(),
                        new Answer(
                                answered.status(),
                                String.valueOf(type),
                                answered.location(),
                                answered.contentLocation(),
                                null));
            } else {
                release(answered.held());
            }
            context.proceed();
            return;
        }
        OutputStream out = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(copy);
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            release(answered.held());
            throw e;
        } finally {
            context.setOutputStream(out);
        }
        byte[] bytes = copy.toByteArray();
        if (bytes.length <= MAX_ANSWER_BYTES) {
            complete(answered.held(), new Answer(answered.status(), type.toString(), answered.location(), null, bytes));
        } else {
            release(answered.held());
        }
        out.write(bytes);
    }

    /** The body, read to its end, or null when it is larger than the API takes. */
    private static byte[] readBody(ContainerRequestContext request) throws IOException {
        InputStream in = request.getEntityStream();
        if (in == null) {
            return new byte[0];
        }
        byte[] body = in.readNBytes(RequestBodyGuard.MAX_BYTES + 1);
        return body.length > RequestBodyGuard.MAX_BYTES ? null : body;
    }

    private void complete(Held held, Answer answer) {
        try {
            if (!keys().complete(held.id(), held.token(), answer)) {
                LOG.warning("Idempotency key " + held.id() + " was retaken before its first request answered.");
            }
        } catch (RuntimeException e) {
            // The answer still goes out; the claim stays open and is retaken after five minutes.
            LOG.log(Level.WARNING, "Could not keep the answer of idempotency key " + held.id(), e);
        }
    }

    private void release(Held held) {
        try {
            keys().release(held.id(), held.token());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not free idempotency key " + held.id(), e);
        }
    }

    private IdempotencyKeys keys() {
        IdempotencyKeys found = keys;
        if (found == null) {
            found = CDI.current().select(IdempotencyKeys.class).get();
            keys = found;
        }
        return found;
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && (type.getSubtype().equalsIgnoreCase("json")
                        || type.getSubtype().toLowerCase(Locale.ROOT).endsWith("+json"));
    }
}
