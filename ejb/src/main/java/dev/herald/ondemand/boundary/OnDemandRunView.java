package dev.herald.ondemand.boundary;

import java.time.Instant;

/**
 * One of the caller's on-demand runs: QUEUED (with its place in the caller's line), CLAIMED or
 * RUNNING, then SUCCEEDED with its file, FAILED with the reason, or CANCELLED.
 */
public record OnDemandRunView(
        long runId,
        long itemId,
        String displayName,
        String reportName,
        String format,
        String status,
        Integer placeInLine,
        String detail,
        Instant requestedAt,
        Instant startedAt,
        Instant finishedAt,
        FileView file) {

    /** The file a run made, while it is kept. */
    public record FileView(String name, String contentType, long rows, long bytes, Instant keptUntil) {}

    public boolean isEnded() {
        return !"QUEUED".equals(status) && !"CLAIMED".equals(status) && !"RUNNING".equals(status);
    }
}
