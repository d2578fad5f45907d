package dev.herald.partners.portal;

import dev.herald.access.control.PasswordChangeGate;
import dev.herald.platform.control.BrowserProtection;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request of the portal: security headers, no caching of pages and files, state-changing
 * requests from other sites refused, and a pending password change enforced.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PortalGuard extends HttpFilter {

    static final String PASSWORD_PAGE = "/password.xhtml";
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean resource = path.startsWith(RESOURCES) || path.equals("/favicon.svg");
        boolean page = !resource && (path.endsWith(".xhtml") || path.endsWith("/"));
        BrowserProtection.protect(request, response, page);
        if (!resource) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (BrowserProtection.isCrossSiteWrite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "A request from another site was refused.");
            return;
        }
        if (!resource
                && PasswordChangeGate.redirectIfPending(
                        request, response, PASSWORD_PAGE, p -> p.startsWith("/errors/"))) {
            return;
        }
        chain.doFilter(request, response);
    }
}
