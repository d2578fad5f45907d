package dev.herald.partners.portal;

import dev.herald.access.boundary.AuthenticationService;
import dev.herald.access.control.PasswordChangeGate;
import dev.herald.access.control.SessionGate;
import dev.herald.platform.control.BrowserProtection;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Every request of the portal: security headers, no caching of pages and files, state-changing
 * requests from other sites refused, a signed-in session ended when its account has changed since
 * (asked of the database at every request but static resources, the Reports page's polling
 * included, so a partner following a run is signed out within seconds), a pending password change
 * enforced, and one more redirect after a login that returns the person to the page they asked for.
 *
 * <p>That redirect is there because on Payara 6 the request the login returns to (Jakarta
 * Security restores the saved request) carries the caller's name but not their roles into EJB
 * calls, so a page that asks a boundary for the partner's reports would be refused. The page is
 * asked for once more, as an ordinary request of the signed-in session.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class PortalGuard extends HttpFilter {

    static final String PASSWORD_PAGE = "/password.xhtml";
    static final String LOGIN_PAGE = "/login.xhtml";
    static final String RETURNING_FROM_LOGIN = "herald.portal.returningFromLogin";
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    AuthenticationService authentication;

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
        if (!resource && "GET".equals(request.getMethod()) && returningFromLogin(request)) {
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + (query == null ? "" : "?" + query));
            return;
        }
        if (!resource && SessionGate.endIfStale(request, response, LOGIN_PAGE, authentication::isSessionCurrent)) {
            return;
        }
        if (!resource
                && PasswordChangeGate.redirectIfPending(
                        request, response, PASSWORD_PAGE, p -> p.startsWith("/errors/"))) {
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean returningFromLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || session.getAttribute(RETURNING_FROM_LOGIN) == null) {
            return false;
        }
        session.removeAttribute(RETURNING_FROM_LOGIN);
        return true;
    }
}
