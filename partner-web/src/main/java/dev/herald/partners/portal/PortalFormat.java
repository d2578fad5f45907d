package dev.herald.partners.portal;

import dev.herald.settings.boundary.SettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the portal writes instants: in the organisation's time zone, with the zone's short name. */
@Named
@RequestScoped
public class PortalFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.UK);

    @Inject
    SettingsService settings;

    public String instant(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(settings.zone()));
    }

    public String getOrganisation() {
        return settings.organisation().clientName();
    }
}
