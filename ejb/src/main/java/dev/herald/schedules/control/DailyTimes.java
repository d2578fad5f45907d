package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The local times of day at which a schedule runs on each of its days, in order: one time (ONCE,
 * BEFORE_8AM) or every M minutes from a start time until an end time, both inclusive.
 */
public final class DailyTimes {

    /** The earliest time that BEFORE_8AM picks; it picks a minute in the two hours from here. */
    public static final LocalTime BEFORE_8AM_EARLIEST = LocalTime.of(5, 0);

    private static final int BEFORE_8AM_SPREAD_MINUTES = 120;

    private DailyTimes() {}

    public static List<LocalTime> of(Recurrence recurrence) {
        return switch (recurrence.getFrequency()) {
            case ONCE, BEFORE_8AM -> List.of(recurrence.getAt().withSecond(0).withNano(0));
            case EVERY -> window(recurrence.getWindowFrom(), recurrence.getWindowUntil(), recurrence.getMinutes());
        };
    }

    private static List<LocalTime> window(LocalTime from, LocalTime until, int minutes) {
        List<LocalTime> times = new ArrayList<>();
        int first = from.getHour() * 60 + from.getMinute();
        int last = until.getHour() * 60 + until.getMinute();
        for (int minute = first; minute <= last; minute += minutes) {
            times.add(LocalTime.of(minute / 60, minute % 60));
        }
        return List.copyOf(times);
    }

    /**
     * The time a BEFORE_8AM schedule runs: a minute between 05:00 and 06:59 derived from the
     * schedule's name. The same schedule always runs at the same minute, the preview before saving
     * shows the minute it will have, and many schedules spread over two hours rather than starting
     * together. Renaming a schedule may move its minute.
     */
    public static LocalTime before8am(String scheduleName) {
        CRC32 crc = new CRC32();
        String key = scheduleName == null ? "" : scheduleName.strip().toLowerCase(Locale.ROOT);
        crc.update(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return BEFORE_8AM_EARLIEST.plusMinutes(crc.getValue() % BEFORE_8AM_SPREAD_MINUTES);
    }
}
