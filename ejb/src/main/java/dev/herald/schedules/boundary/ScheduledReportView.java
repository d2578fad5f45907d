package dev.herald.schedules.boundary;

import jakarta.json.JsonObject;
import java.util.List;

/**
 * One report of a schedule, with the report's own name next to the display name; {@code boundScopes}
 * are the scope kinds the report's parameters are bound to (filled from each recipient).
 */
public record ScheduledReportView(
        long id,
        String reportKey,
        String reportName,
        Long criteriaSetId,
        String criteriaSetName,
        JsonObject criteria,
        String displayName,
        List<String> recipients,
        String subject,
        String deliverAs,
        String format,
        String csvDelimiter,
        boolean skipWhenEmpty,
        boolean perRecipient,
        String recipientScopeKind,
        List<String> boundScopes) {}
