package dev.herald.summaries.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The days a summary covers, in the time zone of its settings: the {@code days} whole days before
 * the day it is sent (sent on Monday 30 November for 7 days: Monday 23 to Sunday 29 November), both
 * ends inclusive. A ticket belongs to the period in which it was opened.
 */
public record SummaryPeriod(LocalDate from, LocalDate to, ZoneId zone) {

    public static SummaryPeriod before(LocalDate sendDay, int days, ZoneId zone) {
        return new SummaryPeriod(sendDay.minusDays(days), sendDay.minusDays(1), zone);
    }

    public int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The period of the same length just before this one. */
    public SummaryPeriod previous() {
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
