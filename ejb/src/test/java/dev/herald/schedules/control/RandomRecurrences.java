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
import java.util.Random;

/**
 * Random valid recurrences, leaning towards what breaks calculators: zones with odd offsets and
 * half-hour or suspended daylight saving, times in the small hours where clocks change, month ends.
 */
final class RandomRecurrences {

    static final List<String> ZONES = List.of(
            "UTC",
            "Europe/London",
            "Europe/Berlin",
            "America/New_York",
            "America/St_Johns",
            "America/Santiago",
            "America/Havana",
            "Australia/Sydney",
            "Australia/Lord_Howe",
            "Pacific/Chatham",
            "Pacific/Apia",
            "Asia/Kathmandu",
            "Asia/Tehran",
            "Asia/Gaza",
            "Africa/Casablanca");

    private static final int[] STEPS = {5, 7, 10, 15, 30, 45, 60, 90, 97, 120, 240, 720};

    private final Random random;

    RandomRecurrences(long seed) {
        this.random = new Random(seed);
    }

    Recurrence next() {
        Recurrence r = new Recurrence()
                .setTimeZone(ZONES.get(random.nextInt(ZONES.size())))
                .setRunFrom(LocalDate.of(2024, 1, 1).plusDays(random.nextInt(5 * 365)))
                .setEvery(random.nextInt(10) == 0 ? 1 + random.nextInt(99) : 1 + random.nextInt(4));
        if (random.nextBoolean()) {
            r.setRunUntil(r.getRunFrom().plusDays(random.nextInt(900)));
        }
        OccursType occurs = OccursType.values()[random.nextInt(OccursType.values().length)];
        r.setOccurs(occurs);
        switch (occurs) {
            case WEEKLY -> {
                EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
                while (days.isEmpty()) {
                    for (DayOfWeek day : DayOfWeek.values()) {
                        if (random.nextInt(3) == 0) {
                            days.add(day);
                        }
                    }
                }
                r.setDays(days);
            }
            case MONTHLY_DAY -> r.setMonthDay(random.nextInt(8) == 0 ? Recurrence.LAST_DAY : 1 + random.nextInt(31));
            case MONTHLY_WEEKDAY ->
                r.setOrdinal(WeekOrdinal.values()[random.nextInt(5)]).setWeekday(DayOfWeek.of(1 + random.nextInt(7)));
            case DAILY -> {
                // every N days is all it needs
            }
        }
        switch (random.nextInt(3)) {
            case 0 -> r.setFrequency(DailyFrequencyType.ONCE).setAt(time());
            case 1 -> {
                LocalTime from = time();
                LocalTime until = time();
                if (until.isBefore(from)) {
                    LocalTime swap = from;
                    from = until;
                    until = swap;
                }
                r.setFrequency(DailyFrequencyType.EVERY)
                        .setMinutes(STEPS[random.nextInt(STEPS.length)])
                        .setWindowFrom(from)
                        .setWindowUntil(until);
            }
            default ->
                r.setFrequency(DailyFrequencyType.BEFORE_8AM).setAt(DailyTimes.before8am("s" + random.nextInt()));
        }
        return r;
    }

    /** A minute of the day, half of the time in the hours where clocks change. */
    private LocalTime time() {
        int hour = random.nextBoolean() ? random.nextInt(4) : random.nextInt(24);
        return LocalTime.of(hour, random.nextInt(60));
    }

    LocalDate dateAround(LocalDate date) {
        return date.plusDays(random.nextInt(430) - 30);
    }
}
