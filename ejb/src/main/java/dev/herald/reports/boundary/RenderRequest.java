package dev.herald.reports.boundary;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to render: criteria given here, or those of a saved criteria set (criteria given here then
 * override the set's, parameter by parameter); the format (CSV, PDF, EXCEL_FORMATTED,
 * EXCEL_UNFORMATTED, XML) and, for CSV, the delimiter (COMMA or PIPE) and whether the file starts
 * with a UTF-8 byte order mark (which older Excel versions need to read UTF-8).
 */
public record RenderRequest(
        JsonObject criteria,
        Long criteriaSetId,
        @Schema(implementation = FileFormat.class) String format,
        @Schema(implementation = CsvDelimiter.class) String csvDelimiter,
        Boolean csvByteOrderMark) {}
