package dev.herald.settings.boundary;

import dev.herald.settings.entity.OrganisationSettings;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;

/** Reads the organisation's settings (their editing arrives with the settings page). */
@Stateless
@PermitAll
public class SettingsService {

    @PersistenceContext(unitName = "herald")
    EntityManager em;

    public OrganisationView organisation() {
        OrganisationSettings s = em.find(OrganisationSettings.class, OrganisationSettings.ID);
        return new OrganisationView(
                s.getClientName(),
                s.getTimeZone(),
                s.getFromAddress(),
                s.getAttachmentLimitBytes(),
                s.getLinkLifetimeDays(),
                s.getFileRetentionDays());
    }

    public ZoneId zone() {
        return ZoneId.of(organisation().timeZone());
    }
}
