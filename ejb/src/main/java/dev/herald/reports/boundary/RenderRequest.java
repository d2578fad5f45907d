package dev.herald.reports.boundary;

import jakarta.json.JsonObject;

/**
 * What to render: criteria given here, or those of a saved criteria set (criteria given here then
 * override the set's, parameter by parameter); the format (CSV, PDF, EXCEL_FORMATTED,
 * EXCEL_UNFORMATTED, XML) and, for CSV, the delimiter (COMMA or PIPE) and whether the file starts
 * with a UTF-8 byte order mark (which older Excel versions need to read UTF-8).
 */
public record RenderRequest(
        JsonObject criteria, Long criteriaSetId, String format, String csvDelimiter, Boolean csvByteOrderMark) {}
