package dev.herald.platform.console;

import dev.herald.access.boundary.AuthenticationService;
import dev.herald.access.control.PasswordChangeGate;
import dev.herald.access.control.SessionGate;
import dev.herald.access.security.HeraldAuthenticationMechanism;
import dev.herald.platform.control.BrowserProtection;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every request of this WAR: security headers on every answer, no caching of pages and API answers,
 * state-changing console requests from other sites refused, a signed-in session ended when its
 * account has changed since (asked of the database at every page and Ajax request; static resources
 * are not asked), and a pending password change enforced.
 * The API is exempt from the cross-site check: it never reads a cookie, so a foreign page cannot act
 * through it.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ConsoleGuard extends HttpFilter {

    public static final String PASSWORD_PAGE = "/console/password.xhtml";
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    AuthenticationService authentication;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean api = path.startsWith("/api/");
        boolean resource = path.startsWith(RESOURCES) || path.equals("/favicon.svg");
        boolean page = !api && !resource && (path.endsWith(".xhtml") || path.endsWith("/"));
        BrowserProtection.protect(request, response, page);
        if (page || api) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (!api && BrowserProtection.isCrossSiteWrite(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "A request from another site was refused.");
            return;
        }
        if (!api
                && !resource
                && SessionGate.endIfStale(
                        request,
                        response,
                        HeraldAuthenticationMechanism.LOGIN_PAGE,
                        authentication::isSessionCurrent)) {
            return;
        }
        if (!api
                && !resource
                && PasswordChangeGate.redirectIfPending(
                        request, response, PASSWORD_PAGE, p -> p.startsWith("/errors/"))) {
            return;
        }
        chain.doFilter(request, response);
    }
}
