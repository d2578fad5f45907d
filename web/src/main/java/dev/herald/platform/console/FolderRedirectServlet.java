package dev.herald.platform.console;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /console} without its slash. Left to the container, the answer is a redirect made before
 * any filter runs, so it would carry none of the security headers every other answer has; mapped
 * here, it goes through {@link ConsoleGuard} like the rest.
 */
@WebServlet(urlPatterns = "/console")
public class FolderRedirectServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
        response.setHeader("Location", request.getContextPath() + "/console/");
    }
}
