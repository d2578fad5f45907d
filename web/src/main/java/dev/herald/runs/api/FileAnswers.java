package dev.herald.runs.api;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.RunFile;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/** A stored report file as an API answer: streamed from the database, saved under its own name, never cached. */
public final class FileAnswers {

    private FileAnswers() {}

    public static Response.ResponseBuilder of(RunFile file, DownloadService downloads) {
        StreamingOutput body = out -> downloads.write(file, out);
        return Response.ok(body, file.contentType())
                .header("Content-Disposition", file.contentDisposition())
                .header("Content-Length", file.bytes())
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff");
    }
}
