package dev.herald.reports.boundary;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;

/**
 * A SQL report a Super Administrator adds: one SELECT over the reporting data source with named
 * parameters. Columns are optional: without them Herald reads them from the query.
 */
public record SqlReportInput(
        String key,
        String name,
        String description,
        String category,
        String sql,
        List<ParameterInput> parameters,
        List<ColumnInput> columns) {

    /**
     * A declared parameter; see ParameterType for the types. {@code scope}, when given, binds it to a
     * declared scope kind: it is then filled from each recipient's values of that kind (a multiple
     * choice without type, options, lookup, default or criteria of its own).
     */
    public record ParameterInput(
            String name,
            String label,
            String type,
            Boolean required,
            jakarta.json.JsonValue defaultValue,
            List<String> options,
            String lookupSql,
            String scope) {

        /** The constructor JSON-B binds a declaration with (the record has a second one). */
        @JsonbCreator
        public ParameterInput {}

        /** A parameter that criteria fill. */
        public ParameterInput(
                String name,
                String label,
                String type,
                Boolean required,
                jakarta.json.JsonValue defaultValue,
                List<String> options,
                String lookupSql) {
            this(name, label, type, required, defaultValue, options, lookupSql, null);
        }
    }

    /** A declared column, in the order of the query's columns. */
    public record ColumnInput(String name, String label, String type, String format, Boolean total) {}
}
