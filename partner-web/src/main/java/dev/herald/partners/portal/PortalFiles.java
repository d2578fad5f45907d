package dev.herald.partners.portal;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.RunFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** A report file answered to the browser: saved under its own name, never cached, never sniffed. */
final class PortalFiles {

    private PortalFiles() {}

    static void stream(RunFile file, DownloadService downloads, HttpServletResponse response) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.bytes());
        response.setHeader("Content-Disposition", file.contentDisposition());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        downloads.write(file, response.getOutputStream());
    }
}
