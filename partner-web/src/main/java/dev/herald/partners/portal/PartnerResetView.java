package dev.herald.partners.portal;

import dev.herald.access.control.PasswordPolicy;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.recovery.boundary.LinkRefusedException;
import dev.herald.recovery.boundary.LinkState;
import dev.herald.recovery.boundary.PasswordResetService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/**
 * The page a new-password link opens: a form to choose the password while the link works, otherwise
 * why it does not (expired, used, replaced, unknown) and the way to ask for a new one. After the
 * change, this browser's session (if it had one) ends too, and the partner signs in afresh.
 */
@Named
@ViewScoped
public class PartnerResetView implements Serializable {

    private static final String FORM = "reset:";

    @Inject
    PasswordResetService passwordResets;

    private String link;
    private LinkState state;
    private String newPassword;
    private String confirmation;

    public void load() {
        state = passwordResets.check(link);
    }

    public void reset() throws IOException, ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request =
                (HttpServletRequest) faces.getExternalContext().getRequest();
        try {
            if (!Objects.equals(newPassword, confirmation)) {
                error(faces, FORM + "confirmation", "The two new passwords are not the same.");
                return;
            }
            passwordResets.reset(link, newPassword, request.getRemoteAddr());
        } catch (ValidationException e) {
            e.errors().forEach(problem -> error(faces, FORM + problem.field(), problem.message()));
            return;
        } catch (LinkRefusedException e) {
            state = new LinkState(e.status(), null);
            return;
        } finally {
            newPassword = null;
            confirmation = null;
        }
        if (request.getUserPrincipal() != null) {
            // Signed in here too: this session ends like the others, now rather than at its next request.
            request.logout();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        ExternalContext external = faces.getExternalContext();
        external.redirect(request.getContextPath() + "/login.xhtml?reset=true");
    }

    private static void error(FacesContext faces, String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    public LinkState getState() {
        return state;
    }

    public int getMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public String getLink() {
        return link;
    }

    public void setLink(String link) {
        this.link = link;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
