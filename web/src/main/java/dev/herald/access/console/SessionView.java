package dev.herald.access.console;

import dev.herald.access.security.HeraldAuthenticationMechanism;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.Principal;
import org.omnifaces.util.Faces;

/** The signed-in user, for the page header, and signing out. */
@Named
@RequestScoped
public class SessionView {

    @Inject
    SecurityContext securityContext;

    public String getUsername() {
        Principal caller = securityContext.getCallerPrincipal();
        return caller == null ? null : caller.getName();
    }

    public boolean isInRole(String role) {
        return securityContext.isCallerInRole(role);
    }

    public void signOut() throws IOException, ServletException {
        HttpServletRequest request = Faces.getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        Faces.getExternalContext()
                .redirect(request.getContextPath() + HeraldAuthenticationMechanism.LOGIN_PAGE + "?signedOut=true");
    }
}
