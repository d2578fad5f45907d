package dev.herald.runs.boundary;

import dev.herald.runs.entity.RunItem;
import java.time.Instant;
import java.util.List;

/** One report of a run: what it was, how it ended, its file and its e-mails. */
public record RunItemView(
        long id,
        Long scheduledReportId,
        String displayName,
        String reportKey,
        String reportName,
        String status,
        String error,
        String deliverAs,
        RunFileView file,
        List<DeliveryView> deliveries) {

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
                deliveries);
    }
}
