package dev.herald.reports.control;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One parameter of a report. Its name is what the SQL refers to ({@code :name}, and for a date range
 * {@code :name_from}/{@code :name_to}); {@code options} is a fixed list and {@code lookupSql} a query
 * whose first column gives the options, for CHOICE and MULTI_CHOICE.
 */
public record ParameterSpec(
        String name,
        String label,
        ParameterType type,
        boolean required,
        JsonValue defaultValue,
        List<String> options,
        String lookupSql) {

    public ParameterSpec {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public boolean hasChoices() {
        return type == ParameterType.CHOICE || type == ParameterType.MULTI_CHOICE;
    }
}
