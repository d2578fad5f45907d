package dev.herald.platform.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API operations that take an {@code Idempotency-Key} (those that start work or create things),
 * the key's bound, and a request's fingerprint. The operations are named by their paths because the
 * key is handled before a request is matched to its method (a replayed file answer is served by
 * another method; see {@link IdempotencyFilter}); each such method takes the header as a parameter
 * ({@code @HeaderParam(HEADER)} described with {@link #DESCRIPTION}) only so that the OpenAPI document
 * lists it, and {@code IdempotentOperationsTest} holds the two lists to each other.
 */
public final class IdempotentOperations {

    /** The request header. */
    public static final String HEADER = "Idempotency-Key";

    /** The answer header of a replayed answer. */
    public static final String REPLAYED = "Idempotent-Replayed";

    /** The longest key. */
    public static final int MAX_KEY_LENGTH = 255;

    /** The header's description in the OpenAPI document. */
    public static final String DESCRIPTION = "Optional, 1-255 printable ASCII characters, e.g. a UUID. The same caller"
            + " sending the same key, query and body again within 24 hours gets the first 2xx answer again"
            + " (with Idempotent-Replayed: true) and nothing new is started or created; another body, query or"
            + " operation with the key is 422; while the first request is still being processed, 409. An answer"
            + " that is not 2xx is not kept: the request may be retried with the same key.";

    /** Paths relative to /api/v1 of the POSTs that take a key. */
    private static final List<Pattern> PATHS = List.of(
            Pattern.compile("schedules"),
            Pattern.compile("schedules/[0-9]{1,19}/run"),
            Pattern.compile("schedules/[0-9]{1,19}/test"),
            Pattern.compile("on-demand/[0-9]{1,19}/run"),
            Pattern.compile("usage-reports"));

    private IdempotentOperations() {}

    /**
     * The operation a request is, as kept with its key ({@code "POST schedules/7/run"}), when it is
     * one that takes a key; empty otherwise (the header is then ignored).
     */
    public static Optional<String> operation(String method, String path) {
        if (!"POST".equals(method) || path == null) {
            return Optional.empty();
        }
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.endsWith("/")) {
            relative = relative.substring(0, relative.length() - 1);
        }
        for (Pattern pattern : PATHS) {
            if (pattern.matcher(relative).matches()) {
                return Optional.of(method + " " + relative);
            }
        }
        return Optional.empty();
    }

    /** Why a key is refused, or null for a good one: 1-255 printable ASCII characters (space to tilde). */
    public static String refusal(String key) {
        if (key == null || key.isEmpty()) {
            return "Give a key of 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, or leave the header out.";
        }
        if (key.length() > MAX_KEY_LENGTH) {
            return "A key is at most " + MAX_KEY_LENGTH + " characters; this one has " + key.length() + ".";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "A key holds printable ASCII characters only (space to tilde); character " + (i + 1)
                        + " is not one.";
            }
        }
        return null;
    }

    /** The SHA-256 (hex) of the raw query string and the body: what must be the same for a replay. */
    public static String fingerprint(String rawQuery, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((rawQuery == null ? "" : rawQuery).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
