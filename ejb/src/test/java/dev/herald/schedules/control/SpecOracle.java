package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.WeekOrdinal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.TreeSet;

/**
 * SPEC.md's recurrence read literally, day by day, with no recurrence library: the reference the
 * calculator is compared with on many random schedules. Slow and obvious on purpose.
 */
final class SpecOracle {

    private SpecOracle() {}

    static List<Instant> runs(Recurrence recurrence, Instant after, int count, LocalDate horizon) {
        ZoneId zone = ZoneId.of(recurrence.getTimeZone());
        TreeSet<Instant> runs = new TreeSet<>();
        LocalDate last =
                recurrence.getRunUntil() == null || recurrence.getRunUntil().isAfter(horizon)
                        ? horizon
                        : recurrence.getRunUntil();
        for (LocalDate day = recurrence.getRunFrom(); !day.isAfter(last); day = day.plusDays(1)) {
            if (occursOn(recurrence, day)) {
                for (LocalTime time : times(recurrence)) {
                    Instant run = ZonedDateTime.of(day, time, zone).toInstant();
                    if (run.isAfter(after)) {
                        runs.add(run);
                    }
                }
            }
        }
        return runs.stream().limit(count).toList();
    }

    static boolean occursOn(Recurrence r, LocalDate day) {
        LocalDate from = r.getRunFrom();
        int every = r.getEvery();
        return switch (r.getOccurs()) {
            case DAILY -> ChronoUnit.DAYS.between(from, day) % every == 0;
            case WEEKLY ->
                r.getDays().contains(day.getDayOfWeek())
                        && ChronoUnit.WEEKS.between(monday(from), monday(day)) % every == 0;
            case MONTHLY_DAY -> monthIndex(from, day) % every == 0 && day.getDayOfMonth() == monthDay(r, day);
            case MONTHLY_WEEKDAY ->
                monthIndex(from, day) % every == 0
                        && day.getDayOfWeek() == r.getWeekday()
                        && isOrdinal(r.getOrdinal(), day);
        };
    }

    private static LocalDate monday(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static long monthIndex(LocalDate from, LocalDate day) {
        return ChronoUnit.MONTHS.between(YearMonth.from(from), YearMonth.from(day));
    }

    private static int monthDay(Recurrence r, LocalDate day) {
        int length = day.lengthOfMonth();
        return r.getMonthDay() == Recurrence.LAST_DAY ? length : Math.min(r.getMonthDay(), length);
    }

    private static boolean isOrdinal(WeekOrdinal ordinal, LocalDate day) {
        return ordinal == WeekOrdinal.LAST
                ? day.getDayOfMonth() + 7 > day.lengthOfMonth()
                : (day.getDayOfMonth() - 1) / 7 + 1 == ordinal.rfc5545();
    }

    private static List<LocalTime> times(Recurrence r) {
        return switch (r.getFrequency()) {
            case ONCE, BEFORE_8AM -> List.of(r.getAt());
            case EVERY -> {
                TreeSet<LocalTime> times = new TreeSet<>();
                for (LocalTime t = r.getWindowFrom();
                        !t.isAfter(r.getWindowUntil());
                        t = t.plusMinutes(r.getMinutes())) {
                    times.add(t);
                    if (t.plusMinutes(r.getMinutes()).isBefore(t)) {
                        break; // wrapped past midnight
                    }
                }
                yield List.copyOf(times);
            }
        };
    }
}
