package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.StringJoiner;
import java.util.TreeSet;

/**
 * A recurrence written as RFC 5545 text: a DTSTART in the schedule's zone and one or more RRULEs, so
 * that a calendar shows exactly the runs Herald makes.
 *
 * <p>A day's times become BYHOUR and BYMINUTE. Their cross product is exact for one time, and for
 * "every M minutes" whenever each hour has the same minutes; otherwise the hours are grouped by
 * their minutes and each group gets its own RRULE (every 45 minutes from 09:00 gives three). No
 * BYSETPOS is used for times, so every value stays within RFC 5545's ranges. DTSTART is the first
 * run, which keeps the rule's week and month counting anchored where Herald's is.
 */
public final class RecurrenceRules {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private RecurrenceRules() {}

    /** The first run as a local date-time in the schedule's zone, with the RRULE values. */
    public record Text(ZoneId zone, LocalDateTime start, List<String> rrules) {

        /** DTSTART and RRULE lines, as they appear in an iCalendar VEVENT. */
        public String asICalendar() {
            StringJoiner lines = new StringJoiner("\n");
            lines.add("DTSTART;TZID=" + zone.getId() + ":" + LOCAL.format(start));
            rrules.forEach(rule -> lines.add("RRULE:" + rule));
            return lines.toString();
        }
    }

    /** The recurrence as RFC 5545 text; empty when it never runs. */
    public static Optional<Text> of(Recurrence recurrence) {
        ZoneId zone = ZoneId.of(recurrence.getTimeZone());
        List<LocalTime> times = DailyTimes.of(recurrence);
        Optional<LocalDate> firstDay =
                new DateSeries(recurrence).from(recurrence.getRunFrom()).nextDay();
        if (firstDay.isEmpty()) {
            return Optional.empty();
        }
        String dayRule = DateSeries.dayRule(recurrence);
        String until = until(recurrence, zone);
        List<String> rrules = hoursByMinutes(times).entrySet().stream()
                .map(group -> rule(recurrence, dayRule, group.getValue(), group.getKey()) + until)
                .toList();
        return Optional.of(new Text(zone, LocalDateTime.of(firstDay.get(), times.get(0)), rrules));
    }

    private static String rule(
            Recurrence recurrence, String dayRule, SortedSet<Integer> hours, SortedSet<Integer> minutes) {
        String rule = dayRule.replace(";BYSETPOS=-1", "") + ";BYHOUR=" + join(hours) + ";BYMINUTE=" + join(minutes)
                + ";BYSECOND=0";
        if (DateSeries.choosesLastOfCandidates(recurrence)) {
            // The month's last candidate day: the last hours × minutes entries of the month's set.
            int perDay = hours.size() * minutes.size();
            StringJoiner positions = new StringJoiner(",");
            for (int position = -perDay; position <= -1; position++) {
                positions.add(String.valueOf(position));
            }
            rule += ";BYSETPOS=" + positions;
        }
        return rule;
    }

    private static String until(Recurrence recurrence, ZoneId zone) {
        if (recurrence.getRunUntil() == null) {
            return "";
        }
        LocalDateTime lastSecond = recurrence
                .getRunUntil()
                .plusDays(1)
                .atStartOfDay(zone)
                .minusSeconds(1)
                .withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
        return ";UNTIL=" + UTC.format(lastSecond);
    }

    /** Hours grouped by the set of minutes they run at, each group a cross product of hours and minutes. */
    private static Map<SortedSet<Integer>, SortedSet<Integer>> hoursByMinutes(List<LocalTime> times) {
        Map<Integer, SortedSet<Integer>> minutesByHour = new LinkedHashMap<>();
        times.forEach(time -> minutesByHour
                .computeIfAbsent(time.getHour(), hour -> new TreeSet<>())
                .add(time.getMinute()));
        Map<SortedSet<Integer>, SortedSet<Integer>> groups = new LinkedHashMap<>();
        minutesByHour.forEach((hour, minutes) ->
                groups.computeIfAbsent(minutes, key -> new TreeSet<>()).add(hour));
        return groups;
    }

    private static String join(SortedSet<Integer> values) {
        StringJoiner joined = new StringJoiner(",");
        values.forEach(value -> joined.add(String.valueOf(value)));
        return joined.toString();
    }
}
