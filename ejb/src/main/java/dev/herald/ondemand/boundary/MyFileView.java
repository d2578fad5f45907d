package dev.herald.ondemand.boundary;

import java.time.Instant;

/** A file sent to the caller by link that has not expired: the e-mail's report, and until when it can be fetched. */
public record MyFileView(
        long deliveryId,
        long runId,
        String scheduleName,
        String displayName,
        String reportName,
        String fileName,
        String format,
        long rows,
        long bytes,
        Instant sentAt,
        Instant expiresAt) {}
