package dev.herald.schedules.control;

import dev.herald.reports.control.ReportSpecs;
import dev.herald.schedules.boundary.DailyFrequencyView;
import dev.herald.schedules.boundary.OccursView;
import dev.herald.schedules.boundary.RecurrenceView;
import dev.herald.schedules.boundary.ScheduleView;
import dev.herald.schedules.boundary.ScheduledReportView;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.Schedule;
import dev.herald.schedules.entity.ScheduledReport;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Schedules as the API and the console show them. */
public final class ScheduleViews {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private ScheduleViews() {}

    public static ScheduleView of(Schedule schedule) {
        Recurrence recurrence = timetable(schedule);
        return new ScheduleView(
                schedule.getId(),
                schedule.getName(),
                schedule.getDescription(),
                schedule.isEnabled(),
                schedule.isRunOnDemand(),
                schedule.isRunAsSchedule(),
                recurrence == null ? null : of(recurrence),
                schedule.getItems().stream().map(ScheduleViews::of).toList(),
                schedule.getNextRunAt(),
                schedule.getOwner() == null ? null : schedule.getOwner().getUsername(),
                recurrence == null
                        ? null
                        : RecurrenceRules.of(recurrence)
                                .map(RecurrenceRules.Text::asICalendar)
                                .orElse(null),
                schedule.getCreatedAt(),
                schedule.getUpdatedAt(),
                schedule.getVersion());
    }

    /** The schedule's timetable, or null when it does not run as a schedule. */
    public static Recurrence timetable(Schedule schedule) {
        Recurrence recurrence = schedule.getRecurrence();
        return schedule.isRunAsSchedule() && recurrence != null && recurrence.getOccurs() != null ? recurrence : null;
    }

    public static RecurrenceView of(Recurrence r) {
        OccursView occurs = new OccursView(
                r.getOccurs().name(),
                r.getEvery(),
                r.getOccurs() == OccursType.WEEKLY
                        ? r.getDays().stream().map(Enum::name).toList()
                        : null,
                r.getOccurs() == OccursType.MONTHLY_DAY ? monthDay(r.getMonthDay()) : null,
                r.getOrdinal() == null ? null : r.getOrdinal().name(),
                r.getWeekday() == null ? null : r.getWeekday().name());
        DailyFrequencyView daily = new DailyFrequencyView(
                r.getFrequency().name(),
                time(r.getAt()),
                r.getMinutes(),
                time(r.getWindowFrom()),
                time(r.getWindowUntil()));
        return new RecurrenceView(
                r.getTimeZone(),
                r.getRunFrom(),
                r.getRunUntil(),
                occurs,
                daily,
                r.getMisfirePolicy().name());
    }

    private static Object monthDay(Integer day) {
        return day != null && day == Recurrence.LAST_DAY ? "LAST" : day;
    }

    private static ScheduledReportView of(ScheduledReport item) {
        return new ScheduledReportView(
                item.getId(),
                item.getReport().getKey(),
                item.getReport().getName(),
                item.getCriteriaSet() == null ? null : item.getCriteriaSet().getId(),
                item.getCriteriaSet() == null ? null : item.getCriteriaSet().getName(),
                json(item.getCriteria()),
                item.getDisplayName(),
                List.copyOf(item.getRecipients()),
                item.getSubject(),
                item.getDeliverAs().name(),
                item.getFormat().name(),
                item.getCsvDelimiter().name(),
                item.isSkipWhenEmpty(),
                item.isPerRecipient(),
                item.getRecipientScopeKind(),
                List.copyOf(ReportSpecs.boundKinds(item.getReport().getParametersJson())));
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static String time(LocalTime time) {
        return time == null ? null : HH_MM.format(time);
    }
}
