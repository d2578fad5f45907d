package dev.herald.summaries.link;

import dev.herald.platform.control.BrowserProtection;
import dev.herald.summaries.boundary.SummaryAccess;
import dev.herald.summaries.boundary.SummaryReportService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A summary link: {@code /summary/<token>/} is the page, {@code /summary/<token>/summary.pdf} its
 * PDF, {@code /summary/style.css} the page's style sheet. No sign-in: the token is the credential,
 * so the answers are never cached and never send it on as a referrer. An unknown token is a plain
 * 404; an expired or withdrawn one a 410 that says which.
 */
@WebServlet("/summary/*")
public class SummaryLinkServlet extends HttpServlet {

    private static final String STYLE = "/dev/herald/summaries/link/summary.css";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Inject
    SummaryReportService summaries;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.equals("/style.css")) {
            style(response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        // The console's filter leaves a path ending in "/" to PrimeFaces' policy; this page is no Faces page.
        response.setHeader("Content-Security-Policy", BrowserProtection.OTHER_POLICY);
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        String[] parts = path.split("/", -1);
        if (parts.length == 2 && !parts[1].isEmpty()) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        if (parts.length != 3) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String token = parts[1];
        if (parts[2].isEmpty()) {
            page(token, request, response);
        } else if (parts[2].equals("summary.pdf")) {
            pdf(token, request, response);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void page(String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SummaryAccess access = summaries.open(token, request.getRemoteAddr());
        if (access instanceof SummaryAccess.Granted granted) {
            response.setContentType("text/html;charset=UTF-8");
            byte[] page = granted.page().getBytes(StandardCharsets.UTF_8);
            response.setContentLength(page.length);
            response.getOutputStream().write(page);
        } else if (access instanceof SummaryAccess.Gone gone) {
            gone(response, gone);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void pdf(String token, HttpServletRequest request, HttpServletResponse response) throws IOException {
        SummaryAccess access = summaries.open(token, request.getRemoteAddr());
        if (access instanceof SummaryAccess.Granted granted) {
            response.setContentType("application/pdf");
            response.setHeader("Content-Disposition", "inline; filename=\"" + granted.fileName() + "\"");
            response.setContentLengthLong(granted.bytes());
            summaries.writePdf(token, response.getOutputStream());
        } else if (access instanceof SummaryAccess.Gone gone) {
            gone(response, gone);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private static void gone(HttpServletResponse response, SummaryAccess.Gone gone) throws IOException {
        response.setStatus(HttpServletResponse.SC_GONE);
        response.setContentType("text/html;charset=UTF-8");
        String why = gone.withdrawn()
                ? "This link to a summary report was withdrawn on "
                        + DAY.format(gone.since().atOffset(ZoneOffset.UTC)) + "."
                : "This link to a summary report expired on "
                        + DAY.format(gone.since().atOffset(ZoneOffset.UTC)) + ".";
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<title>Link no longer works</title><link rel=\"stylesheet\" href=\"../style.css\"></head>"
                        + "<body><main><header><h1>This link no longer works</h1></header><section><p>" + why
                        + " Ask whoever sends you these summaries for a new one.</p></section></main></body></html>");
    }

    private void style(HttpServletResponse response) throws IOException {
        try (InputStream in = SummaryLinkServlet.class.getResourceAsStream(STYLE)) {
            if (in == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
            response.setContentType("text/css;charset=UTF-8");
            response.setHeader("Cache-Control", "public, max-age=3600");
            in.transferTo(response.getOutputStream());
        }
    }
}
