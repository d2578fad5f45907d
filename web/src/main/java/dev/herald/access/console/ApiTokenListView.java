package dev.herald.access.console;

import dev.herald.access.boundary.ApiTokenDetails;
import dev.herald.access.boundary.ApiTokenService;
import dev.herald.access.boundary.NewApiToken;
import dev.herald.platform.boundary.AcceptedDates;
import dev.herald.platform.boundary.NotFoundException;
import dev.herald.platform.boundary.ValidationException;
import dev.herald.settings.boundary.SettingsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.omnifaces.util.Faces;
import org.omnifaces.util.Messages;
import org.primefaces.PrimeFaces;

/**
 * The signed-in user's API tokens: made here, shown once, listed without their secrets, revoked.
 * A token carries its owner's permissions as they are at each call.
 */
@Named
@ViewScoped
public class ApiTokenListView implements Serializable {

    @Inject
    ApiTokenService tokenService;

    @Inject
    SettingsService settings;

    private String zone;
    private List<ApiTokenDetails> tokens;

    private String name;
    private LocalDate expiresOn;
    private NewApiToken made;

    @PostConstruct
    void init() {
        zone = settings.organisationForStaff().timeZone();
        reload();
    }

    private void reload() {
        tokens = tokenService.mine();
    }

    public void newToken() {
        name = null;
        expiresOn = null;
        made = null;
    }

    public void create() {
        if (expiresOn != null && !AcceptedDates.contains(expiresOn)) {
            Messages.addError("tokenForm:expiresOn", AcceptedDates.outside(expiresOn));
            Faces.validationFailed();
            return;
        }
        // A token chosen to expire "on" a day works through that day, in the organisation's time zone.
        Instant expiresAt = expiresOn == null
                ? null
                : expiresOn.plusDays(1).atStartOfDay(ZoneId.of(zone)).toInstant();
        try {
            made = tokenService.create(name, expiresAt, Faces.getRemoteAddr());
            reload();
            PrimeFaces.current().executeScript("PF('tokenDialog').hide(); PF('secretDialog').show()");
        } catch (ValidationException e) {
            e.errors()
                    .forEach(error -> Messages.addError(
                            "tokenForm:" + ("expiresAt".equals(error.field()) ? "expiresOn" : error.field()),
                            error.message()));
            Faces.validationFailed();
        }
    }

    /** Forgets the secret once its dialog closes: it is never shown again. */
    public void secretSeen() {
        made = null;
    }

    public void revoke(ApiTokenDetails token) {
        try {
            tokenService.revoke(token.id(), Faces.getRemoteAddr());
            Messages.addGlobalInfo("The token {0} is revoked; it stopped working at once.", token.name());
            reload();
        } catch (NotFoundException e) {
            Messages.addGlobalError(e.getMessage());
        }
    }

    public String status(ApiTokenDetails token) {
        if (token.revokedAt() != null) {
            return "Revoked";
        }
        if (token.expiresAt() != null && !token.expiresAt().isAfter(Instant.now())) {
            return "Expired";
        }
        return "Active";
    }

    public String getZone() {
        return zone;
    }

    public List<ApiTokenDetails> getTokens() {
        return tokens;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getExpiresOn() {
        return expiresOn;
    }

    public void setExpiresOn(LocalDate expiresOn) {
        this.expiresOn = expiresOn;
    }

    public NewApiToken getMade() {
        return made;
    }

    public LocalDate getToday() {
        return LocalDate.now(ZoneId.of(zone));
    }
}
