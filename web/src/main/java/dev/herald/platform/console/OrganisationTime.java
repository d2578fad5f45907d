package dev.herald.platform.console;

import dev.herald.settings.boundary.SettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Instants in the organisation's time zone, for lists that show many of them: the values carry no
 * zone of their own and the column names the zone once ("Finished (Europe/London)"), so that a list
 * crossing a daylight-saving change does not mix GMT and BST labels.
 */
@Named
@RequestScoped
public class OrganisationTime {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.UK);

    @Inject
    SettingsService settings;

    private ZoneId zone;

    /** The organisation's zone (UTC if its setting cannot be read as one). */
    public ZoneId getZone() {
        if (zone == null) {
            try {
                zone = ZoneId.of(settings.organisationForStaff().timeZone());
            } catch (DateTimeException | NullPointerException unknown) {
                zone = ZoneId.of("UTC");
            }
        }
        return zone;
    }

    /** The zone's name, as column headings give it. */
    public String getLabel() {
        return getZone().getId();
    }

    public String format(Instant instant) {
        return instant == null ? "" : WHEN.format(instant.atZone(getZone()));
    }
}
