package dev.herald.schedules.boundary;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.schedules.entity.DeliverAs;
import jakarta.json.JsonObject;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        @Schema(implementation = DeliverAs.class) String deliverAs,
        @Schema(implementation = FileFormat.class) String format,
        @Schema(implementation = CsvDelimiter.class) String csvDelimiter,
        boolean skipWhenEmpty,
        boolean perRecipient,
        String recipientScopeKind,
        List<String> boundScopes) {}
