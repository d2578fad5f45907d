package dev.herald.reports.boundary;

import java.util.List;

/** One report with its parameters and columns; {@code sql} only for reports a Super Administrator added. */
public record ReportDetail(
        String key,
        String name,
        String description,
        String category,
        boolean builtIn,
        List<ParameterView> parameters,
        List<ColumnView> columns,
        String sql) {}
