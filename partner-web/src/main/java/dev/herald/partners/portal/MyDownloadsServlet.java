package dev.herald.partners.portal;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.RunFile;
import dev.herald.ondemand.boundary.OnDemandService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partner's own files: {@code /partner/download/run/{runId}} for the file an on-demand run made,
 * {@code /partner/download/file/{deliveryId}} for one sent by link (the Files tab). Anything not the
 * partner's own is 404, and audited by the boundary; a link that was withdrawn or has expired is 410.
 */
@WebServlet("/download/*")
public class MyDownloadsServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/(run|file)/(\\d{1,18})");

    @Inject
    OnDemandService onDemand;

    @Inject
    DownloadService downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        long id = Long.parseLong(path.group(2));
        if ("file".equals(path.group(1))) {
            PortalFiles.answer(onDemand.openMyFile(id, request.getRemoteAddr()), downloads, response);
            return;
        }
        Optional<RunFile> file = onDemand.openFile(id, request.getRemoteAddr());
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PortalFiles.stream(file.get(), downloads, response);
    }
}
