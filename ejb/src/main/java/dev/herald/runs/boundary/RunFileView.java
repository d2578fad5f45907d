package dev.herald.runs.boundary;

import dev.herald.rendering.entity.FileFormat;
import dev.herald.runs.entity.RunItem;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The file a run rendered for one item; {@code available} is false once retention removed it. */
public record RunFileView(
        String name,
        @Schema(implementation = FileFormat.class) String format,
        String contentType,
        long rows,
        long bytes,
        String sha256,
        Instant keptUntil,
        boolean available) {

    /** The item's file, or null when it has none (not rendered, skipped, failed). */
    public static RunFileView of(RunItem item, Instant now) {
        if (item.getFileName() == null) {
            return null;
        }
        return new RunFileView(
                item.getFileName(),
                item.getFormat().name(),
                item.getContentType(),
                item.getRowCount() == null ? 0 : item.getRowCount(),
                item.getByteCount() == null ? 0 : item.getByteCount(),
                item.getSha256(),
                item.getFileKeptUntil(),
                item.hasFile(now));
    }
}
