package dev.herald.schedules.boundary;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One report of a schedule. Without {@code criteria}, the criteria set's are copied. Recipients may
 * be given one per element or comma-separated, as people type them.
 */
public record ScheduledReportInput(
        Long id,
        String reportKey,
        Long criteriaSetId,
        JsonObject criteria,
        String displayName,
        List<String> recipients,
        String subject,
        String deliverAs,
        String format,
        String csvDelimiter,
        Boolean skipWhenEmpty) {}
