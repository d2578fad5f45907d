package dev.herald.reports.boundary;

import dev.herald.rendering.control.Criterion;
import java.util.List;

/** The first rows of a report with the criteria it used; {@code truncated} when there are more. */
public record PreviewView(
        List<Criterion> criteria, List<ColumnView> columns, List<List<Object>> rows, boolean truncated) {}
