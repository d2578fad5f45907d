package dev.herald.partners.portal;

import dev.herald.recovery.boundary.PasswordResetService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;

/**
 * A partner who forgot their password asks for a link. The page then says the same thing whatever
 * happened (a link sent, no such account, too many requests), after a redirect, so that reloading
 * it asks for nothing.
 */
@Named
@RequestScoped
public class PartnerForgotView {

    @Inject
    PasswordResetService passwordResets;

    private String name;

    public void send() throws IOException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        passwordResets.request(name, request.getRemoteAddr());
        external.redirect(request.getContextPath() + "/forgot.xhtml?sent=true");
    }

    /** How long a link works, as the page tells it: "30 minutes" (or "40 seconds", as the tests set it). */
    public String getLifetime() {
        Duration lifetime = passwordResets.lifetime();
        if (lifetime.toMinutes() < 1 || lifetime.toSecondsPart() != 0) {
            return plural(lifetime.toSeconds(), "second");
        }
        if (lifetime.toMinutes() % 60 != 0) {
            return plural(lifetime.toMinutes(), "minute");
        }
        return plural(lifetime.toHours(), "hour");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
