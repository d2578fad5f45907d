package dev.herald.usage.boundary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A generated usage report: what was asked, its status (RUNNING, COMPLETE, FAILED, CANCELLED), how
 * far it got ({@code rows} of at most {@code expectedRows}), and its file once complete.
 */
public record UsageReportView(
        long id,
        String name,
        String description,
        String scope,
        Long tenantId,
        TenantFilter filter,
        String period,
        LocalDate from,
        LocalDate to,
        String delimiter,
        boolean daily,
        String status,
        long rows,
        long expectedRows,
        int percent,
        Long runId,
        Long itemId,
        Long scheduledTaskId,
        String requestedBy,
        Instant createdAt,
        Instant finishedAt,
        File file,
        String error) {

    /** The CSV file: name, size, rows and SHA-256. */
    public record File(String name, long bytes, long rows, String sha256) {}
}
