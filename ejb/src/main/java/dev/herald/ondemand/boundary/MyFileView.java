package dev.herald.ondemand.boundary;

import dev.herald.rendering.entity.FileFormat;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A file sent to the caller by link that has not expired: the e-mail's report, and until when it can be fetched. */
public record MyFileView(
        long deliveryId,
        long runId,
        String scheduleName,
        String displayName,
        String reportName,
        String fileName,
        @Schema(implementation = FileFormat.class) String format,
        long rows,
        long bytes,
        Instant sentAt,
        Instant expiresAt) {}
