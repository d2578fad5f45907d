package dev.herald.runs.boundary;

import dev.herald.runs.control.RecipientScoping;
import dev.herald.runs.entity.RunItem;
import dev.herald.runs.entity.RunItemStatus;
import dev.herald.schedules.entity.DeliverAs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One report of a run: what it was, how it ended, its file and its e-mails. An item made for one
 * recipient of a per-recipient schedule item names them ({@code madeFor}, their user name) and the
 * scope values it was made with ({@code scopeValues}, by kind).
 */
public record RunItemView(
        long id,
        Long scheduledReportId,
        String displayName,
        String reportKey,
        String reportName,
        @Schema(implementation = RunItemStatus.class) String status,
        String error,
        @Schema(implementation = DeliverAs.class) String deliverAs,
        RunFileView file,
        List<DeliveryView> deliveries,
        String madeFor,
        Map<String, List<String>> scopeValues) {

    public static RunItemView of(RunItem item, List<DeliveryView> deliveries, Instant now) {
        return new RunItemView(
                item.getId(),
                item.getScheduledReportId(),
                item.getDisplayName(),
                item.getReportKey(),
                item.getReportName(),
                item.getStatus().name(),
                item.getError(),
                item.getDeliverAs().name(),
                RunFileView.of(item, now),
                deliveries,
                item.getMadeFor(),
                item.getScopeValues() == null ? null : RecipientScoping.parse(item.getScopeValues()));
    }
}
