package dev.herald.access.console;

import dev.herald.access.boundary.Channel;
import dev.herald.access.boundary.PasswordCredential;
import dev.herald.access.control.PasswordChangeGate;
import dev.herald.access.control.SessionGate;
import dev.herald.platform.console.ConsoleGuard;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** The console's login page. After signing in, the user goes where they were going, if that was in the console. */
@Named
@ViewScoped
public class LoginView implements Serializable {

    private static final String HOME = "/console/";

    @Inject
    SecurityContext securityContext;

    private String username;
    private String password;
    private String continueTo;

    public void signIn() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        PasswordCredential credential =
                new PasswordCredential(username, password, Channel.CONSOLE, request.getRemoteAddr());
        AuthenticationStatus status = securityContext.authenticate(
                request,
                Faces.getResponse(),
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        password = null;
        switch (status) {
            case SUCCESS -> {
                if (request.getSession(false) != null) {
                    request.changeSessionId();
                }
                SessionGate.remember(request, credential.sessionStamp());
                if (credential.mustChangePassword()) {
                    PasswordChangeGate.require(request);
                    Faces.getExternalContext().redirect(request.getContextPath() + ConsoleGuard.PASSWORD_PAGE);
                    return;
                }
                Faces.getExternalContext().redirect(request.getContextPath() + destination());
            }
            case SEND_CONTINUE -> Faces.responseComplete();
            default -> Messages.addGlobalError(SignInMessages.forRefused(credential));
        }
    }

    /** Only a path inside the console is followed; anything else would make this page an open redirect. */
    String destination() {
        if (continueTo == null
                || !continueTo.startsWith(HOME)
                || continueTo.contains("//")
                || continueTo.contains("\\")
                || continueTo.contains("..")
                || continueTo.contains("login.xhtml")
                || continueTo.chars().anyMatch(Character::isISOControl)) {
            return HOME;
        }
        return continueTo;
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

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
