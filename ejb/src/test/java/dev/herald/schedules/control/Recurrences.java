package dev.herald.schedules.control;

import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.WeekOrdinal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;

/** Short ways to write recurrences in tests. */
public final class Recurrences {

    private Recurrences() {}

    public static Recurrence daily(String zone, String from, int every) {
        return base(zone, from).setOccurs(OccursType.DAILY).setEvery(every);
    }

    public static Recurrence weekly(String zone, String from, int every, DayOfWeek first, DayOfWeek... more) {
        return base(zone, from).setOccurs(OccursType.WEEKLY).setEvery(every).setDays(EnumSet.of(first, more));
    }

    public static Recurrence monthlyOnDay(String zone, String from, int every, int day) {
        return base(zone, from)
                .setOccurs(OccursType.MONTHLY_DAY)
                .setEvery(every)
                .setMonthDay(day);
    }

    public static Recurrence monthlyOnWeekday(
            String zone, String from, int every, WeekOrdinal ordinal, DayOfWeek weekday) {
        return base(zone, from)
                .setOccurs(OccursType.MONTHLY_WEEKDAY)
                .setEvery(every)
                .setOrdinal(ordinal)
                .setWeekday(weekday);
    }

    public static Recurrence once(Recurrence recurrence, String at) {
        return recurrence.setFrequency(DailyFrequencyType.ONCE).setAt(LocalTime.parse(at));
    }

    public static Recurrence every(Recurrence recurrence, int minutes, String from, String until) {
        return recurrence
                .setFrequency(DailyFrequencyType.EVERY)
                .setMinutes(minutes)
                .setWindowFrom(LocalTime.parse(from))
                .setWindowUntil(LocalTime.parse(until));
    }

    public static Recurrence until(Recurrence recurrence, String until) {
        return recurrence.setRunUntil(LocalDate.parse(until));
    }

    static List<String> utc(List<java.time.Instant> instants) {
        return instants.stream().map(java.time.Instant::toString).toList();
    }

    private static Recurrence base(String zone, String from) {
        return new Recurrence().setTimeZone(zone).setRunFrom(LocalDate.parse(from));
    }
}
