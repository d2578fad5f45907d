package dev.herald.reports.boundary;

import dev.herald.rendering.control.ColumnType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A report column as the API shows it. */
public record ColumnView(
        String name,
        String label,
        @Schema(implementation = ColumnType.class) String type,
        String format,
        boolean total) {}
