package dev.herald.ondemand.boundary;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An item a partner may run: what it is called, which report, in which format, and its criteria as
 * they would resolve if run now. Partners cannot change the criteria or the format.
 */
public record OnDemandItemView(
        long itemId,
        String scheduleName,
        String displayName,
        String reportKey,
        String reportName,
        @Schema(implementation = FileFormat.class) String format,
        @Schema(implementation = CsvDelimiter.class) String csvDelimiter,
        List<CriterionView> criteria) {

    /** A criterion as a person reads it: "Payment date", "Last week: 16 Nov 2026 – 22 Nov 2026". */
    public record CriterionView(String label, String value) {}
}
