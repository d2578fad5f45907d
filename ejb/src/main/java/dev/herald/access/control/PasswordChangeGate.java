package dev.herald.access.control;

import dev.herald.platform.control.BrowserRedirect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.function.Predicate;

/**
 * Keeps someone whose password staff set on the change-password page until they have chosen their
 * own. The login pages mark the session; the console's and the portal's filters send every other
 * page there (Ajax requests get a Faces redirect); the password page lifts the mark.
 */
public final class PasswordChangeGate {

    static final String PENDING = "herald.passwordChangePending";

    private PasswordChangeGate() {}

    public static void require(HttpServletRequest request) {
        request.getSession().setAttribute(PENDING, Boolean.TRUE);
    }

    public static void satisfied(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    public static boolean isPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(PENDING));
    }

    /**
     * Sends a signed-in user with a pending change to {@code passwordPage} (a path in this context),
     * unless the path asked for is exempt. Answers true when it did.
     */
    public static boolean redirectIfPending(
            HttpServletRequest request, HttpServletResponse response, String passwordPage, Predicate<String> exempt)
            throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (request.getUserPrincipal() == null
                || !isPending(request)
                || path.equals(passwordPage)
                || exempt.test(path)) {
            return false;
        }
        BrowserRedirect.send(request, response, request.getContextPath() + passwordPage);
        return true;
    }
}
