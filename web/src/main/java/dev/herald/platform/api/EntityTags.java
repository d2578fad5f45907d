package dev.herald.platform.api;

import dev.herald.platform.boundary.ExpectedVersion;
import dev.herald.platform.boundary.ValidationException;
import java.util.HashSet;
import java.util.Set;

/**
 * Herald's entity tags and the {@code If-Match} header (RFC 9110, 8.8.3 and 13.1.1). A resource's
 * tag is its version as a strong validator: {@code "7"}. {@code If-Match} is {@code *} or a
 * comma-separated list of entity tags; comparison is strong, so a weak tag ({@code W/"7"}) or a tag
 * that is not a Herald version is well-formed but matches nothing (412). A header that is not that
 * syntax, or longer than {@value #MAX_LENGTH} characters, is a 400 on {@code If-Match}.
 */
public final class EntityTags {

    public static final String IF_MATCH = "If-Match";
    public static final int MAX_LENGTH = 1024;

    private EntityTags() {}

    /** The strong entity tag of a version, quotes included. */
    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** What an {@code If-Match} header value asks for; null or blank is {@link ExpectedVersion#missing()}. */
    public static ExpectedVersion ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return ExpectedVersion.missing();
        }
        if (header.length() > MAX_LENGTH) {
            throw malformed("Send at most " + MAX_LENGTH + " characters here.");
        }
        String value = header.strip();
        if (value.equals("*")) {
            return ExpectedVersion.any();
        }
        Set<Long> versions = new HashSet<>();
        int i = 0;
        int n = value.length();
        boolean expectTag = true;
        while (i < n) {
            char c = value.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
            } else if (c == ',') {
                expectTag = true;
                i++;
            } else if (!expectTag) {
                throw malformed("Separate entity tags with commas.");
            } else {
                boolean weak = value.startsWith("W/", i);
                int open = weak ? i + 2 : i;
                if (open >= n || value.charAt(open) != '"') {
                    throw malformed("Send * or entity tags in double quotes, as ETag gave them (\"7\").");
                }
                int close = value.indexOf('"', open + 1);
                if (close < 0) {
                    throw malformed("An entity tag is not closed with a double quote.");
                }
                String opaque = value.substring(open + 1, close);
                for (int k = 0; k < opaque.length(); k++) {
                    char t = opaque.charAt(k);
                    // etagc = %x21 / %x23-7E / obs-text
                    if (t < 0x21 || t == 0x7F) {
                        throw malformed("An entity tag holds a character it may not hold.");
                    }
                }
                if (!weak) {
                    Long version = version(opaque);
                    if (version != null) {
                        versions.add(version);
                    }
                }
                expectTag = false;
                i = close + 1;
            }
        }
        if (expectTag && versions.isEmpty() && !value.contains("\"")) {
            throw malformed("Send * or entity tags in double quotes, as ETag gave them (\"7\").");
        }
        return ExpectedVersion.of(versions);
    }

    private static Long version(String opaque) {
        if (opaque.isEmpty() || opaque.length() > 18) {
            return null;
        }
        for (int k = 0; k < opaque.length(); k++) {
            if (opaque.charAt(k) < '0' || opaque.charAt(k) > '9') {
                return null;
            }
        }
        return Long.parseLong(opaque);
    }

    private static ValidationException malformed(String message) {
        return ValidationException.of(IF_MATCH, message);
    }
}
