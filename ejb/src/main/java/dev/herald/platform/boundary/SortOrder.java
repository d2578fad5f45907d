package dev.herald.platform.boundary;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one way the API's lists are sorted: {@code sort=<field>} ascending, {@code sort=-<field>}
 * descending, the field named as in the list's items. Anything else is refused on {@code sort},
 * naming what the list takes.
 *
 * @param key what the list sorts by, as its service names it
 * @param descending whether the order is reversed
 */
public record SortOrder<K>(K key, boolean descending) {

    /** The longest value read; no field name comes near it. */
    public static final int MAX_LENGTH = 64;

    /** The order asked for, among the fields a list takes; empty when none was asked for. */
    public static <K> Optional<SortOrder<K>> parse(String text, Map<String, K> fields) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        boolean descending = trimmed.startsWith("-");
        String field = descending ? trimmed.substring(1) : trimmed;
        K key = trimmed.length() <= MAX_LENGTH ? fields.get(field) : null;
        if (key == null) {
            throw ValidationException.of(
                    "sort",
                    "Sort by one of " + fields.keySet().stream().sorted().collect(Collectors.joining(", "))
                            + ", with - before it for the reverse order.");
        }
        return Optional.of(new SortOrder<>(key, descending));
    }
}
