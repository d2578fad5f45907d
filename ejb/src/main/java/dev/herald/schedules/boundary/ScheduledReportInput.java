package dev.herald.schedules.boundary;

import dev.herald.rendering.entity.CsvDelimiter;
import dev.herald.rendering.entity.FileFormat;
import dev.herald.schedules.entity.DeliverAs;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One report of a schedule. Without {@code criteria}, the criteria set's are copied. Recipients may
 * be given one per element or comma-separated, as people type them. {@code perRecipient} makes the
 * item once per recipient, each file with that recipient's own values of the scope kinds the report
 * is bound to; its recipients are those listed or, with {@code recipientScopeKind}, every enabled
 * account holding a value of that kind.
 */
public record ScheduledReportInput(
        Long id,

        @Schema(required = true, example = "payments-activities-detailed")
        String reportKey,

        Long criteriaSetId,
        JsonObject criteria,
        String displayName,

        @Schema(
                description = "E-mail addresses, or user names of accounts with an address",
                example = "[\"finance@example.org\"]")
        List<String> recipients,

        String subject,
        @Schema(implementation = DeliverAs.class) String deliverAs,
        @Schema(implementation = FileFormat.class) String format,
        @Schema(implementation = CsvDelimiter.class) String csvDelimiter,
        Boolean skipWhenEmpty,
        Boolean perRecipient,
        String recipientScopeKind) {

    /**
     * The constructor the API reads an item with. JSON-B (Yasson) creates a record through its only
     * constructor and refuses one with several ("Multiple constructors found"), which made every
     * schedule body a 400; naming this one keeps the shorter constructor for code.
     */
    @JsonbCreator
    public ScheduledReportInput {}

    /** An item made once for all its recipients. */
    public ScheduledReportInput(
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
            Boolean skipWhenEmpty) {
        this(
                id,
                reportKey,
                criteriaSetId,
                criteria,
                displayName,
                recipients,
                subject,
                deliverAs,
                format,
                csvDelimiter,
                skipWhenEmpty,
                null,
                null);
    }
}
