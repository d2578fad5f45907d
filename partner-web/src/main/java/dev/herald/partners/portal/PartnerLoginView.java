package dev.herald.partners.portal;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.Channel;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.control.PasswordChangeGate;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;

/**
 * The portal's login page. When the user was sent here from a protected page (a download link in an
 * e-mail, say), the mechanism takes them back to it after signing in.
 */
@Named
@ViewScoped
public class PartnerLoginView implements Serializable {

    static final String REFUSED = "The user name or password is not correct.";
    static final String LOCKED =
            "This account is locked after too many failed sign-ins. Try again in 15 minutes, or ask your contact to unlock it.";
    static final String NOT_PARTNER =
            "This account has no access to the partner portal. Ask your contact to give it the Collect Reports role.";

    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;

    public void signIn() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        PasswordCredential credential =
                new PasswordCredential(username, password, Channel.PORTAL, request.getRemoteAddr());
        // A new session id before signing in: whatever id a visitor was given (or planted) is not the one
        // that ends up signed in. Afterwards would be too late when the mechanism has already sent the
        // user back to the page they asked for.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = securityContext.authenticate(
                request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(credential));
        password = null;
        if ((status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE)
                && credential.mustChangePassword()) {
            PasswordChangeGate.require(request);
        }
        switch (status) {
            case SUCCESS -> external.redirect(request.getContextPath() + "/");
            case SEND_CONTINUE -> {
                // The mechanism sends the person back to the page they asked for; see PortalGuard.
                request.getSession().setAttribute(PortalGuard.RETURNING_FROM_LOGIN, Boolean.TRUE);
                faces.responseComplete();
            }
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message(credential), null));
        }
    }

    private static String message(PasswordCredential credential) {
        if (credential.outcome() == Authentication.Outcome.LOCKED) {
            return LOCKED;
        }
        return credential.refusedHere() ? NOT_PARTNER : REFUSED;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
