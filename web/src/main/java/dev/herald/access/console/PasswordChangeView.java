package dev.herald.access.console;

import dev.herald.access.boundary.AccountService;
import dev.herald.access.boundary.PasswordChange;
import dev.herald.access.control.PasswordChangeGate;
import dev.herald.access.control.PasswordPolicy;
import dev.herald.access.control.SessionGate;
import dev.herald.platform.boundary.ValidationException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Serializable;
import java.util.Objects;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;

/** Changing one's own password: by choice, or because staff set it and the user must choose their own. */
@Named
@ViewScoped
public class PasswordChangeView implements Serializable {

    private static final String FORM = "password:";

    @Inject
    AccountService account;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public boolean isRequired() {
        return PasswordChangeGate.isPending(Faces.getRequest());
    }

    public int getMinLength() {
        return PasswordPolicy.MIN_LENGTH;
    }

    public void change() throws IOException {
        HttpServletRequest request = Faces.getRequest();
        if (!Objects.equals(newPassword, confirmation)) {
            Messages.addError(FORM + "confirmation", "The two new passwords are not the same.");
            return;
        }
        long sessionStamp;
        try {
            sessionStamp =
                    account.changePassword(new PasswordChange(currentPassword, newPassword), request.getRemoteAddr());
        } catch (ValidationException e) {
            e.errors().forEach(error -> Messages.addError(FORM + error.field(), error.message()));
            return;
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
        // This session goes on; the person's other sessions end at their next request.
        SessionGate.remember(request, sessionStamp);
        PasswordChangeGate.satisfied(request);
        Messages.addFlashGlobalInfo("Your password is changed.");
        Faces.redirect(request.getContextPath() + "/console/");
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
