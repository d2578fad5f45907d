package dev.herald.reports.boundary;

import dev.herald.reports.control.ParameterType;
import jakarta.json.JsonValue;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A report parameter as the API shows it, with the options of a choice filled in. {@code scope}: the
 * scope kind a recipient-bound parameter is filled from (each recipient's own values; criteria cannot
 * set it), null for a parameter criteria fill.
 */
public record ParameterView(
        String name,
        String label,
        @Schema(implementation = ParameterType.class) String type,
        boolean required,
        JsonValue defaultValue,
        List<String> options,
        String scope) {}
