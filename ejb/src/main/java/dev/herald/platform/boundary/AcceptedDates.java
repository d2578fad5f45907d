package dev.herald.platform.boundary;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The one range of dates and instants Herald accepts from people and systems: the years 1900 to
 * 2200. Every date or instant that comes in (a timetable's run-from, a report's date criteria, a
 * usage period, an audit filter, a token's expiry, a preview's start) is checked against it, so
 * that nothing behind the entry points (recurrence expansion, {@code java.time} arithmetic near its
 * limits, the database) ever meets year −999999999. Two centuries either side of today hold every
 * real report period and timetable; a wider range would only widen what an attacker can ask for.
 */
public final class AcceptedDates {

    /** The first date accepted. */
    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);

    /** The last date accepted. */
    public static final LocalDate LAST = LocalDate.of(2200, 12, 31);

    /** The first instant accepted. */
    public static final Instant FIRST_INSTANT = Instant.parse("1900-01-01T00:00:00Z");

    /** The first instant no longer accepted. */
    public static final Instant END_INSTANT = Instant.parse("2201-01-01T00:00:00Z");

    /** The range as messages state it. */
    public static final String RANGE = FIRST + " to " + LAST;

    private AcceptedDates() {}

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST_INSTANT) && instant.isBefore(END_INSTANT);
    }

    /** The message for a date or instant outside the range, naming what was given. */
    public static String outside(Object given) {
        return "'" + given + "' is outside the dates Herald accepts: " + RANGE + ".";
    }

    /** Whether the date is accepted; when it is not, a problem on {@code field} that states the range. */
    public static boolean check(LocalDate date, String field, ValidationException.Builder errors) {
        if (date == null || contains(date)) {
            return true;
        }
        errors.add(field, outside(date));
        return false;
    }

    /** Whether the instant is accepted; when it is not, a problem on {@code field} that states the range. */
    public static boolean check(Instant instant, String field, ValidationException.Builder errors) {
        if (instant == null || contains(instant)) {
            return true;
        }
        errors.add(field, outside(instant));
        return false;
    }
}
