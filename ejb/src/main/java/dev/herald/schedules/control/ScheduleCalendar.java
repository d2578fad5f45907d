package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.Schedule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * A schedule's timetable as an iCalendar file, so that people can see its runs in their calendar:
 * one recurring event, with the zone's VTIMEZONE from ical4j and the rules of {@link RecurrenceRules}.
 */
public final class ScheduleCalendar {

    private ScheduleCalendar() {}

    /** The iCalendar text; a schedule with no runs gives a calendar without events. */
    public static String of(Schedule schedule, String host) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Herald//Report schedules//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        Recurrence recurrence = ScheduleViews.timetable(schedule);
        if (recurrence != null) {
            RecurrenceRules.of(recurrence).ifPresent(rules -> {
                calendar.add(TimeZoneRegistryFactory.getInstance()
                        .createRegistry()
                        .getTimeZone(rules.zone().getId())
                        .getVTimeZone());
                VEvent event = new VEvent(
                        ZonedDateTime.of(rules.start(), rules.zone()), Duration.ofMinutes(15), schedule.getName());
                event.add(new Uid("schedule-" + schedule.getId() + "@" + host));
                rules.rrules().forEach(rule -> event.add(new RRule<>(new Recur<ZonedDateTime>(rule))));
                event.add(new Description(describe(schedule)));
                calendar.add(event);
            });
        }
        StringWriter text = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static String describe(Schedule schedule) {
        String reports = schedule.getItems().stream()
                .map(item ->
                        "- " + item.getDisplayName() + " (" + item.getReport().getName() + ", " + item.getFormat()
                                + ") to " + String.join(", ", item.getRecipients()))
                .collect(Collectors.joining("\n"));
        String description = schedule.getDescription() == null ? "" : schedule.getDescription() + "\n\n";
        return description + "Herald report schedule. Reports:\n" + reports;
    }
}
