package dev.herald.partners.portal;

import dev.herald.access.boundary.Authentication;
import dev.herald.access.boundary.Channel;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.control.PasswordChangeGate;
import dev.herald.access.control.SessionGate;
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

    /** The same words as the console's and the API's, for every refusal: see Authentication.REFUSED. */
    static final String REFUSED = Authentication.REFUSED;

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
        boolean signedIn = status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE;
        if (signedIn) {
            SessionGate.remember(request, credential.sessionStamp());
        }
        if (signedIn && credential.mustChangePassword()) {
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
