package dev.herald.partners.portal;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.LinkAccess;
import dev.herald.delivery.boundary.RunFile;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A report file answered to the browser: saved under its own name, never cached, never sniffed. */
final class PortalFiles {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private PortalFiles() {}

    static void stream(RunFile file, DownloadService downloads, HttpServletResponse response) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.bytes());
        response.setHeader("Content-Disposition", file.contentDisposition());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        downloads.write(file, response.getOutputStream());
    }

    /**
     * Answers what a link leads to: the file, 410 with a page that says whether the link was
     * withdrawn or has expired, or 404 (someone else's, or nothing at all: told apart from nothing).
     */
    static void answer(LinkAccess access, DownloadService downloads, HttpServletResponse response) throws IOException {
        if (access instanceof LinkAccess.Granted granted) {
            stream(granted.file(), downloads, response);
        } else if (access instanceof LinkAccess.Withdrawn withdrawn) {
            gone(
                    response,
                    "This link was withdrawn",
                    "The sender withdrew this link"
                            + (withdrawn.withdrawnAt() == null
                                    ? ""
                                    : " on "
                                            + DAY.format(withdrawn.withdrawnAt().atOffset(ZoneOffset.UTC)))
                            + ", so the file can no longer be downloaded here or from your Files.");
        } else if (access instanceof LinkAccess.Expired) {
            gone(
                    response,
                    "This link has expired",
                    "Download links work for a limited time, and files are kept for a limited time.");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void gone(HttpServletResponse response, String title, String why) throws IOException {
        response.setStatus(HttpServletResponse.SC_GONE);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<link rel=\"icon\" href=\"/partner/favicon.svg\" type=\"image/svg+xml\">"
                        + "<title>" + title + " · Herald partner portal</title>"
                        + "<link rel=\"stylesheet\" href=\"/partner/jakarta.faces.resource/portal.css.xhtml?ln=herald\">"
                        + "</head><body class=\"portal portal-centered\"><main class=\"portal-card\">"
                        + "<div class=\"portal-card-brand\">Herald <span>partner portal</span></div>"
                        + "<h1 class=\"portal-card-title\">" + title + "</h1><p>" + why
                        + " Ask the sender for a new copy of the report.</p>"
                        + "<p><a href=\"/partner/\">Back to your reports</a></p></main></body></html>");
    }
}
