package dev.herald.runs.console;

import dev.herald.delivery.boundary.DownloadService;
import dev.herald.delivery.boundary.RunFile;
import dev.herald.platform.boundary.NotFoundException;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A run's file for the console, streamed from the database: {@code /console/run-file?run=&item=}.
 * The console's session is the credential here (the API's download takes Basic or Bearer); the
 * permission is the boundary's, Export Reports or Manage Schedules, and the download is audited there.
 */
@WebServlet("/console/run-file")
public class RunFileServlet extends HttpServlet {

    @Inject
    DownloadService downloads;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long runId;
        long itemId;
        try {
            runId = Long.parseLong(request.getParameter("run"));
            itemId = Long.parseLong(request.getParameter("item"));
        } catch (NumberFormatException | NullPointerException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        RunFile file;
        try {
            file = downloads.openRunFile(runId, itemId, request.getRemoteAddr());
        } catch (NotFoundException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        response.setContentType(file.contentType());
        response.setHeader("Content-Disposition", file.contentDisposition());
        response.setContentLengthLong(file.bytes());
        downloads.write(file, response.getOutputStream());
    }
}
