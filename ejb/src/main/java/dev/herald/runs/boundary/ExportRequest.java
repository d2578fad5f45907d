package dev.herald.runs.boundary;

import dev.herald.rendering.entity.CsvDelimiter;

/** One CSV file of a report made now and kept for download: its name, the report, its criteria as JSON. */
public record ExportRequest(
        String name, String reportKey, String reportName, String criteria, CsvDelimiter delimiter) {}
