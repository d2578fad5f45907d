package dev.herald.reports.control;

import jakarta.json.JsonValue;
import java.util.List;

/**
 * One parameter of a report. Its name is what the SQL refers to ({@code :name}, and for a date range
 * {@code :name_from}/{@code :name_to}); {@code options} is a fixed list and {@code lookupSql} a query
 * whose first column gives the options, for CHOICE and MULTI_CHOICE; {@code scope}, when set, binds
 * the parameter to a scope kind (see {@link #bound}).
 */
public record ParameterSpec(
        String name,
        String label,
        ParameterType type,
        boolean required,
        JsonValue defaultValue,
        List<String> options,
        String lookupSql,
        String scope) {

    public ParameterSpec {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A parameter that criteria fill. */
    public ParameterSpec(
            String name,
            String label,
            ParameterType type,
            boolean required,
            JsonValue defaultValue,
            List<String> options,
            String lookupSql) {
        this(name, label, type, required, defaultValue, options, lookupSql, null);
    }

    /**
     * A recipient-bound parameter: filled with the values of this scope kind that the recipient's
     * account holds (a MULTI_CHOICE of them), and never by criteria. Made for nobody in particular
     * (staff previewing, a shared file) it is not set and the report covers every value.
     */
    public static ParameterSpec bound(String name, String label, String scope) {
        return new ParameterSpec(name, label, ParameterType.MULTI_CHOICE, false, null, null, null, scope);
    }

    public boolean isBound() {
        return scope != null;
    }

    public boolean hasChoices() {
        return type == ParameterType.CHOICE || type == ParameterType.MULTI_CHOICE;
    }
}
