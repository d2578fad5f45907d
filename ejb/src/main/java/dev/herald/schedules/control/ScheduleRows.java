package dev.herald.schedules.control;

import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.MisfirePolicy;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.WeekOrdinal;
import dev.herald.schedules.entity.WeekdaysConverter;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.DayOfWeek;

/** Reads a schedule's recurrence columns from a JDBC row, for the scheduler's hot path that bypasses JPA. */
public final class ScheduleRows {

    public static final String RECURRENCE_COLUMNS =
            "time_zone, run_from, run_until, occurs_type, occurs_every, occurs_days,"
                    + " occurs_month_day, occurs_ordinal, occurs_weekday, frequency_type, frequency_at, frequency_minutes,"
                    + " frequency_from, frequency_until, misfire_policy";

    private static final WeekdaysConverter WEEKDAYS = new WeekdaysConverter();

    private ScheduleRows() {}

    public static Recurrence recurrence(ResultSet row) throws SQLException {
        return new Recurrence()
                .setTimeZone(row.getString("time_zone"))
                .setRunFrom(row.getObject("run_from", Date.class).toLocalDate())
                .setRunUntil(
                        row.getObject("run_until") == null
                                ? null
                                : row.getObject("run_until", Date.class).toLocalDate())
                .setOccurs(OccursType.valueOf(row.getString("occurs_type")))
                .setEvery(row.getInt("occurs_every"))
                .setDays(WEEKDAYS.convertToEntityAttribute(row.getString("occurs_days")))
                .setMonthDay((Integer) row.getObject("occurs_month_day", Integer.class))
                .setOrdinal(enumOrNull(WeekOrdinal.class, row.getString("occurs_ordinal")))
                .setWeekday(enumOrNull(DayOfWeek.class, row.getString("occurs_weekday")))
                .setFrequency(DailyFrequencyType.valueOf(row.getString("frequency_type")))
                .setAt(time(row, "frequency_at"))
                .setMinutes((Integer) row.getObject("frequency_minutes", Integer.class))
                .setWindowFrom(time(row, "frequency_from"))
                .setWindowUntil(time(row, "frequency_until"))
                .setMisfirePolicy(enumOrNull(MisfirePolicy.class, row.getString("misfire_policy")));
    }

    private static java.time.LocalTime time(ResultSet row, String column) throws SQLException {
        Time time = row.getTime(column);
        return time == null ? null : time.toLocalTime();
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
