package dev.herald.access.control;

import dev.herald.platform.control.BrowserRedirect;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;

/**
 * Makes console and portal sessions follow their account. The login pages remember the account's
 * session stamp in the session; the console's and the portal's filters ask the database at every
 * request whether it still holds (see SessionStamps) and otherwise end the session and send the
 * person to the login page, Ajax requests included. Nothing is kept in one instance's memory, so a
 * change made on any instance ends sessions on all of them.
 */
public final class SessionGate {

    static final String STAMP = "herald.sessionStamp";

    /** The query parameter with which the login page says that the session has ended. */
    public static final String ENDED = "ended";

    /** The database's answer, from the boundary. */
    @FunctionalInterface
    public interface Check {
        boolean isCurrent(String username, long sessionStamp, String remoteAddress);
    }

    private SessionGate() {}

    /** Called by a login page after signing in, and by the password page after a change of one's own. */
    public static void remember(HttpServletRequest request, long sessionStamp) {
        request.getSession().setAttribute(STAMP, sessionStamp);
    }

    /**
     * Ends the signed-in session of this request when the account has moved on since it signed in
     * (or the session never remembered a stamp), and redirects to {@code loginPage} (a path in this
     * context). Answers true when it did; requests of nobody signed in pass.
     */
    public static boolean endIfStale(
            HttpServletRequest request, HttpServletResponse response, String loginPage, Check check)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            return false;
        }
        HttpSession session = request.getSession(false);
        Object stamp = session == null ? null : session.getAttribute(STAMP);
        if (stamp instanceof Long remembered
                && check.isCurrent(caller.getName(), remembered, request.getRemoteAddr())) {
            return false;
        }
        request.logout();
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // logout() may have invalidated it already.
            }
        }
        BrowserRedirect.send(request, response, request.getContextPath() + loginPage + "?" + ENDED + "=true");
        return true;
    }
}
