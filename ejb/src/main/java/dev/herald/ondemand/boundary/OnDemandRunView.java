package dev.herald.ondemand.boundary;

import dev.herald.rendering.entity.FileFormat;
import dev.herald.runs.entity.RunStatus;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the caller's on-demand runs: QUEUED (with its place in the caller's line), CLAIMED or
 * RUNNING, then SUCCEEDED with its file, FAILED with the reason, or CANCELLED.
 */
public record OnDemandRunView(
        long runId,
        long itemId,
        String displayName,
        String reportName,
        @Schema(implementation = FileFormat.class) String format,
        @Schema(implementation = RunStatus.class) String status,
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
