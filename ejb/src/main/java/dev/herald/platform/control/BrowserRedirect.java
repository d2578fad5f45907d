package dev.herald.platform.control;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sends the browser to another page from a filter or a mechanism, where Faces is not yet at work:
 * an ordinary request gets a 302, a Faces Ajax request (a button, a poll) a partial response with a
 * redirect, which is the only answer its JavaScript follows.
 */
public final class BrowserRedirect {

    private BrowserRedirect() {}

    /** {@code target} is a path with the context path, and may carry a query. */
    public static void send(HttpServletRequest request, HttpServletResponse response, String target)
            throws IOException {
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                            + target.replace("&", "&amp;")
                                    .replace("\"", "&quot;")
                                    .replace("<", "&lt;")
                            + "\"/></partial-response>");
        } else {
            response.sendRedirect(target);
        }
    }
}
