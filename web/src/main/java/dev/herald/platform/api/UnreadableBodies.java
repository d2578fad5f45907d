package dev.herald.platform.api;

import dev.herald.platform.boundary.ValidationException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonLocation;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to tell a caller whose body could not be read as the JSON an endpoint takes: where it went
 * wrong, and what the field takes, in words. The parser's and JSON-B's own messages name Java
 * classes and packages ({@code class java.lang.Integer}, {@code org.eclipse.yasson.YassonConfig});
 * they are read here for the property path and the expected type, and never passed on.
 */
final class UnreadableBodies {

    private static final Pattern PROPERTY = Pattern.compile("Unable to deserialize property '([^']{1,200})'");
    private static final Pattern TYPE =
            Pattern.compile("(?:type: (?:class|interface) |Error parsing class )([\\w.$\\[\\]]{1,300})");

    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("java.lang.Integer", "a whole number"),
            Map.entry("java.lang.Long", "a whole number"),
            Map.entry("java.lang.Short", "a whole number"),
            Map.entry("java.math.BigInteger", "a whole number"),
            Map.entry("java.lang.Double", "a number"),
            Map.entry("java.lang.Float", "a number"),
            Map.entry("java.math.BigDecimal", "a number"),
            Map.entry("java.lang.String", "text"),
            Map.entry("java.lang.Boolean", "true or false"),
            Map.entry("java.util.List", "a list"),
            Map.entry("java.util.Set", "a list"),
            Map.entry("java.util.Collection", "a list"),
            Map.entry("java.time.LocalDate", "a date written like 2026-03-01"),
            Map.entry("java.time.LocalTime", "a time written like 10:00"),
            Map.entry("java.time.Instant", "an instant written like 2026-03-01T00:00:00Z"),
            Map.entry("java.time.OffsetDateTime", "an instant written like 2026-03-01T00:00:00Z"),
            Map.entry("jakarta.json.JsonObject", "an object"),
            Map.entry("jakarta.json.JsonArray", "a list"),
            Map.entry("jakarta.json.JsonValue", "a JSON value"));

    private UnreadableBodies() {}

    /** The problem for a body that failed to parse or bind; {@code failure} is what the reader threw. */
    static Problem of(Throwable failure) {
        List<String> path = new ArrayList<>();
        String innermost = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonParsingException parsing) {
                return Problem.of(Response.Status.BAD_REQUEST, "The body is not valid JSON" + where(parsing) + ".");
            }
            if (cause instanceof JsonbException && cause.getMessage() != null) {
                Matcher property = PROPERTY.matcher(cause.getMessage());
                if (property.lookingAt()) {
                    path.add(property.group(1));
                }
                innermost = cause.getMessage();
            }
        }
        String kind = innermost == null ? null : kind(innermost);
        if (!path.isEmpty()) {
            String message =
                    kind == null ? "This field holds a value of the wrong type." : "This field takes " + kind + ".";
            return new Problem(
                    "https://herald.dev/problems/validation",
                    "Invalid input",
                    400,
                    "Some fields are not valid; see errors.",
                    List.of(new ValidationException.FieldError(String.join(".", path), message)));
        }
        return Problem.of(
                Response.Status.BAD_REQUEST,
                "The body is not the JSON this endpoint takes"
                        + (kind == null ? "" : ": " + kind + " was expected where it has something else") + ".");
    }

    private static String where(JsonParsingException parsing) {
        JsonLocation location = parsing.getLocation();
        if (location == null || location.getLineNumber() < 0) {
            return "";
        }
        return " (line " + location.getLineNumber() + ", column " + location.getColumnNumber() + ")";
    }

    /** The expected type named in a JSON-B message, in words; null when it names none Herald knows. */
    static String kind(String message) {
        Matcher type = TYPE.matcher(message);
        if (!type.find()) {
            return null;
        }
        String name = type.group(1).replaceAll("\\.+$", "");
        String known = KINDS.get(name);
        if (known != null) {
            return known;
        }
        return name.startsWith("dev.herald.") ? "an object" : null;
    }
}
