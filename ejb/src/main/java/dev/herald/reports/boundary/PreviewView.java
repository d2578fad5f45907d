package dev.herald.reports.boundary;

import dev.herald.rendering.control.Criterion;
import java.util.List;

/**
 * The first rows of a report with the criteria it used; {@code truncated} when there are more.
 * {@code totalRows} is how many rows the report has for these criteria, or at least that many when
 * {@code totalRowsAtLeast} (a preview stops counting at 10,000).
 */
public record PreviewView(
        List<Criterion> criteria,
        List<ColumnView> columns,
        List<List<Object>> rows,
        boolean truncated,
        long totalRows,
        boolean totalRowsAtLeast) {}
