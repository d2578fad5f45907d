package dev.herald.partners.portal;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.LinkAccess;
import dev.herald.delivery.boundary.RunFile;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Where the links in e-mails lead: {@code /partner/files/{token}}. The portal's login comes first
 * (and brings the person back here); then the file streams if they are one of its recipients. An
 * unknown token and someone else's look the same: 404. An expired link says so: 410.
 */
@WebServlet("/files/*")
public class FileDownloadServlet extends HttpServlet {

    @Inject
    DownloadService downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        String token = path == null || path.length() < 2 ? "" : path.substring(1);
        LinkAccess access = downloads.openLink(token, request.getRemoteAddr());
        if (access instanceof LinkAccess.Granted granted) {
            stream(granted.file(), response);
        } else if (access instanceof LinkAccess.Expired) {
            response.sendError(HttpServletResponse.SC_GONE);
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void stream(RunFile file, HttpServletResponse response) throws IOException {
        response.setContentType(file.contentType());
        response.setContentLengthLong(file.bytes());
        response.setHeader("Content-Disposition", file.contentDisposition());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        downloads.write(file, response.getOutputStream());
    }
}
