package dev.herald.partners.portal;

import dev.herald.access.boundary.AccountService;
import dev.herald.access.boundary.PasswordChange;
import dev.herald.access.control.PasswordChangeGate;
import dev.herald.access.control.PasswordPolicy;
import dev.herald.access.control.SessionGate;
import dev.herald.platform.boundary.ValidationException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;

/** A partner changing their own password: by choice, or at first sign-in after staff set it. */
@Named
@ViewScoped
public class PartnerPasswordView implements Serializable {

    private static final String FORM = "password:";

    @Inject
    AccountService account;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public boolean isRequired() {
        return PasswordChangeGate.isPending(request());
    }

    public int getMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public void change() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = request();
        if (!Objects.equals(newPassword, confirmation)) {
            error(faces, FORM + "confirmation", "The two new passwords are not the same.");
            return;
        }
        long sessionStamp;
        try {
            sessionStamp =
                    account.changePassword(new PasswordChange(currentPassword, newPassword), request.getRemoteAddr());
        } catch (ValidationException e) {
            e.errors().forEach(problem -> error(faces, FORM + problem.field(), problem.message()));
            return;
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
        // This session goes on; the partner's other sessions end at their next request.
        SessionGate.remember(request, sessionStamp);
        PasswordChangeGate.satisfied(request);
        ExternalContext external = faces.getExternalContext();
        external.getFlash().setKeepMessages(true);
        faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, "Your password is changed.", null));
        external.redirect(request.getContextPath() + "/");
    }

    private static void error(FacesContext faces, String clientId, String message) {
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest)
                FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
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
