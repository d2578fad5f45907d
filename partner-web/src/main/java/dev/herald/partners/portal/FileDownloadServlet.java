package dev.herald.partners.portal;

import dev.herald.delivery.boundary.DownloadService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where the links in e-mails lead: {@code /partner/files/{token}}. The portal's login comes first
 * and brings the person back to that address, which answers a small page that starts the download
 * from {@code /partner/files/{token}/download}; there the file streams if they are the link's
 * recipient (each link is one recipient's). An unknown token and someone else's look the same: 404.
 * A withdrawn or expired link (or one whose file retention removed) says which: 410.
 *
 * <p>The page is there because on Payara 6 the request that the login brings the person back to
 * carries their name but not their roles into EJB calls (the web layer has them): a boundary
 * called from that request refuses them. The download is always a request of its own.
 */
@WebServlet("/files/*")
public class FileDownloadServlet extends HttpServlet {

    @Inject
    DownloadService downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (!path.endsWith(DOWNLOAD)) {
            landingPage(path.length() < 2 ? "" : path.substring(1), response);
            return;
        }
        String token = path.substring(1, path.length() - DOWNLOAD.length());
        PortalFiles.answer(downloads.openLink(token, request.getRemoteAddr()), downloads, response);
    }

    private static final String DOWNLOAD = "/download";

    private static void landingPage(String token, HttpServletResponse response) throws IOException {
        if (!token.matches("[A-Za-z0-9_-]{1,100}")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String download = token + DOWNLOAD;
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                        + "<meta http-equiv=\"refresh\" content=\"0;url=" + download + "\">"
                        + "<link rel=\"icon\" href=\"/partner/favicon.svg\" type=\"image/svg+xml\">"
                        + "<title>Your report · Herald partner portal</title>"
                        + "<link rel=\"stylesheet\" href=\"/partner/jakarta.faces.resource/portal.css.xhtml?ln=herald\">"
                        + "</head><body class=\"portal portal-centered\"><main class=\"portal-card\">"
                        + "<div class=\"portal-card-brand\">Herald <span>partner portal</span></div>"
                        + "<h1 class=\"portal-card-title\">Your report</h1>"
                        + "<p>The download starts by itself. If it does not, <a id=\"download\" href=\"" + download
                        + "\">download the file</a>.</p><p><a href=\"/partner/\">Back to your reports</a></p>"
                        + "</main></body></html>");
    }
}
