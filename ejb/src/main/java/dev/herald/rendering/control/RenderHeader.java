package dev.herald.rendering.control;

import java.time.ZonedDateTime;
import java.util.List;

/**
 * What a file says about itself before its rows: the title (an item's display name, or the report's
 * name), the report it comes from, the organisation, when it was made (in the organisation's zone),
 * the criteria it used and its columns.
 */
public record RenderHeader(
        String title,
        String reportKey,
        String reportName,
        String organisation,
        ZonedDateTime generatedAt,
        List<Criterion> criteria,
        List<ColumnSpec> columns) {

    public RenderHeader {
        criteria = List.copyOf(criteria);
        columns = List.copyOf(columns);
    }
}
