package dev.herald.reports.control;

import dev.herald.rendering.control.ColumnSpec;
import java.util.List;
import java.util.Optional;

/** Everything needed to run a report: its query, its parameters and the shape of its output. */
public record ReportSpec(
        String key,
        String name,
        String description,
        String category,
        boolean builtIn,
        String sql,
        List<ParameterSpec> parameters,
        List<ColumnSpec> columns) {

    public ReportSpec {
        parameters = List.copyOf(parameters);
        columns = List.copyOf(columns);
    }

    public Optional<ParameterSpec> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /** True when a parameter is bound to a scope kind (filled from the recipient). */
    public boolean isBound() {
        return parameters.stream().anyMatch(ParameterSpec::isBound);
    }

    public boolean hasTotals() {
        return columns.stream().anyMatch(ColumnSpec::total);
    }
}
