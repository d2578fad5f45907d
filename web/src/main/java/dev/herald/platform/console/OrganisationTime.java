package dev.herald.platform.console;

import dev.herald.settings.boundary.SettingsService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The organisation's time zone for one request, so that every time on a console list is written in
 * that zone with its short name (see {@link ConsoleFormat}) and a page never mixes zones. The zone is
 * read once per request rather than once per table cell; a zone changed in the settings shows from
 * the next page on.
 */
@Named
@RequestScoped
public class OrganisationTime {

    @Inject
    SettingsService settings;

    @Inject
    ConsoleFormat format;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);

    private ZoneId zone;

    public ZoneId getZone() {
        if (zone == null) {
            try {
                zone = ZoneId.of(settings.organisationForStaff().timeZone());
            } catch (DateTimeException unknown) {
                zone = ZoneId.of("UTC");
            }
        }
        return zone;
    }

    /** The zone's name as people choose it in the settings, such as Europe/London. */
    public String getZoneName() {
        return getZone().getId();
    }

    /** An instant as day, date, time and zone in the organisation's zone; empty for none. */
    public String format(Instant instant) {
        return format.instant(instant, getZoneName());
    }

    /** A day as people write it: 5 Nov 2026; empty for none. */
    public String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** The instant a day starts in the organisation's zone, for filters given in days. */
    public Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(getZone()).toInstant();
    }
}
