package dev.herald.openapi;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;

/** What a MicroProfile {@code @Schema} written on a field or a parameter adds to the schema read from its type. */
final class Hints {

    private Hints() {}

    static Schema apply(Schema schema, org.eclipse.microprofile.openapi.annotations.media.Schema hints) {
        Schema target = schema;
        boolean describes = !hints.description().isEmpty() || !hints.example().isEmpty();
        if (schema.getRef() != null && describes) {
            // A reference takes no siblings in OpenAPI 3.0: the words go round it.
            target = OASFactory.createSchema().allOf(List.of(schema));
        }
        if (!hints.description().isEmpty()) {
            target.description(hints.description());
        }
        if (!hints.example().isEmpty()) {
            target.example(example(schema, hints.example()));
        }
        if (!hints.format().isEmpty()) {
            target.format(hints.format());
        }
        if (!hints.pattern().isEmpty()) {
            target.pattern(hints.pattern());
        }
        if (!hints.defaultValue().isEmpty()) {
            target.defaultValue(example(schema, hints.defaultValue()));
        }
        if (hints.minLength() > 0) {
            target.minLength(hints.minLength());
        }
        if (hints.maxLength() != Integer.MAX_VALUE) {
            target.maxLength(hints.maxLength());
        }
        if (!hints.minimum().isEmpty()) {
            target.minimum(new BigDecimal(hints.minimum()));
        }
        if (!hints.maximum().isEmpty()) {
            target.maximum(new BigDecimal(hints.maximum()));
        }
        if (hints.maxItems() != Integer.MIN_VALUE) {
            target.maxItems(hints.maxItems());
        }
        if (hints.enumeration().length > 0) {
            target.enumeration(Arrays.asList((Object[]) hints.enumeration()));
        }
        if (hints.readOnly()) {
            target.readOnly(true);
        }
        if (hints.nullable()) {
            target.nullable(true);
        }
        return target;
    }

    /** An example or default as the JSON value its schema says: a number or a boolean is not a string. */
    private static Object example(Schema schema, String text) {
        if (schema.getType() == null) {
            return text;
        }
        return switch (schema.getType()) {
            case INTEGER -> Long.valueOf(text);
            case NUMBER -> new BigDecimal(text);
            case BOOLEAN -> Boolean.valueOf(text);
            default -> text;
        };
    }
}
