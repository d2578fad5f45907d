package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.InvalidRecurrenceRuleException;
import org.dmfs.rfc5545.recur.RecurrenceRule;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * The days on which a schedule runs, as an RFC 5545 rule that lib-recur expands from run-from.
 * Anchoring the rule at run-from gives SPEC.md's counting: days from run-from, weeks from the
 * (Monday-based) week holding run-from, months from run-from's month. "Day 31 or the month's last
 * day" is written as BYMONTHDAY=28,29,30,31;BYSETPOS=-1, which plain RFC 5545 readers understand.
 *
 * <p>lib-recur is asked only about the years RFC 5545 can write (0001 to 9999): before year 1 its
 * iterator never returns (measured: a rule from year −5 fast-forwarded to 2026 still ran after
 * three seconds), and an instant far in the future makes it wrap years. A series that starts
 * outside those years has no days, and every series ends with 9999, whatever passed validation.
 */
final class DateSeries {

    /** The first day lib-recur is asked about. */
    static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);

    /** The last day a series can have. */
    static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);

    private final RecurrenceRule rule;
    private final LocalDate runFrom;
    private final LocalDate runUntil;

    DateSeries(Recurrence recurrence) {
        this.runFrom = recurrence.getRunFrom();
        this.runUntil = recurrence.getRunUntil();
        try {
            this.rule = new RecurrenceRule(dayRule(recurrence), RecurrenceRule.RfcMode.RFC5545_STRICT);
        } catch (InvalidRecurrenceRuleException e) {
            throw new IllegalArgumentException("Not a valid recurrence: " + e.getMessage(), e);
        }
    }

    /** The day-level part of the rule: FREQ, INTERVAL and the BY parts that choose days. */
    static String dayRule(Recurrence recurrence) {
        int every = recurrence.getEvery();
        return switch (recurrence.getOccurs()) {
            case DAILY -> "FREQ=DAILY;INTERVAL=" + every;
            case WEEKLY -> "FREQ=WEEKLY;INTERVAL=" + every + ";WKST=MO;BYDAY=" + weekdays(recurrence.getDays());
            case MONTHLY_DAY -> "FREQ=MONTHLY;INTERVAL=" + every + ";" + monthDay(recurrence.getMonthDay());
            case MONTHLY_WEEKDAY ->
                "FREQ=MONTHLY;INTERVAL=" + every + ";BYDAY="
                        + recurrence.getOrdinal().rfc5545() + twoLetters(recurrence.getWeekday());
        };
    }

    /** True when the rule picks one of several candidate days per month with BYSETPOS=-1. */
    static boolean choosesLastOfCandidates(Recurrence recurrence) {
        Integer day = recurrence.getMonthDay();
        return switch (recurrence.getOccurs()) {
            case MONTHLY_DAY -> day != null && day > 28;
            default -> false;
        };
    }

    private static String monthDay(int day) {
        if (day == Recurrence.LAST_DAY) {
            return "BYMONTHDAY=-1";
        }
        if (day <= 28) {
            return "BYMONTHDAY=" + day;
        }
        StringJoiner candidates = new StringJoiner(",");
        for (int candidate = 28; candidate <= day; candidate++) {
            candidates.add(String.valueOf(candidate));
        }
        return "BYMONTHDAY=" + candidates + ";BYSETPOS=-1";
    }

    private static String weekdays(Set<DayOfWeek> days) {
        StringJoiner joined = new StringJoiner(",");
        days.stream().sorted().forEach(day -> joined.add(twoLetters(day)));
        return joined.toString();
    }

    static String twoLetters(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    /**
     * The days from {@code from} on (never before run-from), up to run-until when there is one, and
     * never after {@link #LAST_DAY}.
     */
    DayIterator from(LocalDate from) {
        LocalDate until = runUntil == null || runUntil.isAfter(LAST_DAY) ? LAST_DAY : runUntil;
        if (runFrom.isBefore(FIRST_DAY) || runFrom.isAfter(until) || from.isAfter(until)) {
            return new DayIterator(null, until);
        }
        RecurrenceRuleIterator days = rule.iterator(allDay(runFrom));
        if (from.isAfter(runFrom)) {
            days.fastForward(allDay(from));
        }
        return new DayIterator(days, until);
    }

    private static DateTime allDay(LocalDate date) {
        return new DateTime(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
    }

    /** The occurring days in order; null once the series has ended. */
    static final class DayIterator {
        private RecurrenceRuleIterator days;
        private final LocalDate until;

        /** {@code days} null: a series without days. */
        private DayIterator(RecurrenceRuleIterator days, LocalDate until) {
            this.days = days;
            this.until = until;
        }

        /** The next occurring day, if the series has one. */
        Optional<LocalDate> nextDay() {
            return Optional.ofNullable(next());
        }

        LocalDate next() {
            if (days == null || !days.hasNext()) {
                return null;
            }
            DateTime day = days.nextDateTime();
            LocalDate date = LocalDate.of(day.getYear(), day.getMonth() + 1, day.getDayOfMonth());
            if (date.isAfter(until)) {
                // Ended for good: lib-recur is not asked again, past run-until or year 9999.
                days = null;
                return null;
            }
            return date;
        }
    }
}
