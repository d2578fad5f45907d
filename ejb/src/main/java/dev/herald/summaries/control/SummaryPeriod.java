package dev.herald.summaries.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a summary covers, in the time zone of its settings: the {@code days} whole days before
 * the day it is sent (sent on Monday 30 November for 7 days: Monday 23 to Sunday 29 November), both
 * ends inclusive; a monthly summary ({@link #MONTH}, sent on the first send day of each month)
 * covers the whole previous calendar month, so that months neither overlap nor leave days out. A
 * ticket belongs to the period in which it was opened.
 */
public record SummaryPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    /** The period setting of a monthly summary: the previous calendar month. */
    public static final int MONTH = 30;

    public static SummaryPeriod before(LocalDate sendDay, int days, ZoneId zone) {
        if (days == MONTH) {
            LocalDate first = sendDay.minusMonths(1).withDayOfMonth(1);
            return new SummaryPeriod(first, first.plusMonths(1).minusDays(1), zone);
        }
        return new SummaryPeriod(sendDay.minusDays(days), sendDay.minusDays(1), zone);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** Whether the period is one whole calendar month. */
    public boolean isCalendarMonth() {
        return from.getDayOfMonth() == 1 && to.equals(from.plusMonths(1).minusDays(1));
    }

    /** The period just before this one: the calendar month before a month, else as many days. */
    public SummaryPeriod previous() {
        if (isCalendarMonth()) {
            LocalDate first = from.minusMonths(1);
            return new SummaryPeriod(first, from.minusDays(1), zone);
        }
        return new SummaryPeriod(from.minusDays(days()), from.minusDays(1), zone);
    }

    public Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start()) && instant.isBefore(end());
    }
}
