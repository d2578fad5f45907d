package dev.herald.schedules.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a schedule runs: on which days ({@link OccursType}, every N), at which times of those days
 * ({@link DailyFrequencyType}), in which IANA time zone, from and until which dates (inclusive), and
 * what to do after downtime. SPEC.md's Recurrence section is the definition; the scheduler's
 * calculator reads this value and nothing else.
 */
@Embeddable
public class Recurrence {

    /** {@link #getMonthDay()} for "the last day of the month". */
    public static final int LAST_DAY = -1;

    @Column(name = "time_zone", length = 64)
    private String timeZone;

    @Column(name = "run_from")
    private LocalDate runFrom;

    @Column(name = "run_until")
    private LocalDate runUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "occurs_type", length = 20)
    private OccursType occurs;

    @Column(name = "occurs_every")
    private Integer every;

    @Convert(converter = WeekdaysConverter.class)
    @Column(name = "occurs_days", length = 80)
    private Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);

    @Column(name = "occurs_month_day")
    private Integer monthDay;

    @Enumerated(EnumType.STRING)
    @Column(name = "occurs_ordinal", length = 10)
    private WeekOrdinal ordinal;

    @Enumerated(EnumType.STRING)
    @Column(name = "occurs_weekday", length = 10)
    private DayOfWeek weekday;

    @Enumerated(EnumType.STRING)
    @Column(name = "frequency_type", length = 20)
    private DailyFrequencyType frequency;

    @Column(name = "frequency_at")
    private LocalTime at;

    @Column(name = "frequency_minutes")
    private Integer minutes;

    @Column(name = "frequency_from")
    private LocalTime windowFrom;

    @Column(name = "frequency_until")
    private LocalTime windowUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "misfire_policy", length = 20)
    private MisfirePolicy misfirePolicy = MisfirePolicy.RUN_ONCE;

    public Recurrence() {}

    public Recurrence(Recurrence other) {
        this.timeZone = other.timeZone;
        this.runFrom = other.runFrom;
        this.runUntil = other.runUntil;
        this.occurs = other.occurs;
        this.every = other.every;
        setDays(other.days);
        this.monthDay = other.monthDay;
        this.ordinal = other.ordinal;
        this.weekday = other.weekday;
        this.frequency = other.frequency;
        this.at = other.at;
        this.minutes = other.minutes;
        this.windowFrom = other.windowFrom;
        this.windowUntil = other.windowUntil;
        this.misfirePolicy = other.misfirePolicy;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Recurrence setTimeZone(String timeZone) {
        this.timeZone = timeZone;
        return this;
    }

    public LocalDate getRunFrom() {
        return runFrom;
    }

    public Recurrence setRunFrom(LocalDate runFrom) {
        this.runFrom = runFrom;
        return this;
    }

    public LocalDate getRunUntil() {
        return runUntil;
    }

    public Recurrence setRunUntil(LocalDate runUntil) {
        this.runUntil = runUntil;
        return this;
    }

    public OccursType getOccurs() {
        return occurs;
    }

    public Recurrence setOccurs(OccursType occurs) {
        this.occurs = occurs;
        return this;
    }

    public Integer getEvery() {
        return every;
    }

    public Recurrence setEvery(Integer every) {
        this.every = every;
        return this;
    }

    public Set<DayOfWeek> getDays() {
        return days == null ? EnumSet.noneOf(DayOfWeek.class) : days;
    }

    public Recurrence setDays(Set<DayOfWeek> days) {
        this.days = days == null || days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days);
        return this;
    }

    public Integer getMonthDay() {
        return monthDay;
    }

    public Recurrence setMonthDay(Integer monthDay) {
        this.monthDay = monthDay;
        return this;
    }

    public WeekOrdinal getOrdinal() {
        return ordinal;
    }

    public Recurrence setOrdinal(WeekOrdinal ordinal) {
        this.ordinal = ordinal;
        return this;
    }

    public DayOfWeek getWeekday() {
        return weekday;
    }

    public Recurrence setWeekday(DayOfWeek weekday) {
        this.weekday = weekday;
        return this;
    }

    public DailyFrequencyType getFrequency() {
        return frequency;
    }

    public Recurrence setFrequency(DailyFrequencyType frequency) {
        this.frequency = frequency;
        return this;
    }

    public LocalTime getAt() {
        return at;
    }

    public Recurrence setAt(LocalTime at) {
        this.at = at;
        return this;
    }

    public Integer getMinutes() {
        return minutes;
    }

    public Recurrence setMinutes(Integer minutes) {
        this.minutes = minutes;
        return this;
    }

    public LocalTime getWindowFrom() {
        return windowFrom;
    }

    public Recurrence setWindowFrom(LocalTime windowFrom) {
        this.windowFrom = windowFrom;
        return this;
    }

    public LocalTime getWindowUntil() {
        return windowUntil;
    }

    public Recurrence setWindowUntil(LocalTime windowUntil) {
        this.windowUntil = windowUntil;
        return this;
    }

    public MisfirePolicy getMisfirePolicy() {
        return misfirePolicy == null ? MisfirePolicy.RUN_ONCE : misfirePolicy;
    }

    public Recurrence setMisfirePolicy(MisfirePolicy misfirePolicy) {
        this.misfirePolicy = misfirePolicy;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Recurrence r
                && Objects.equals(timeZone, r.timeZone)
                && Objects.equals(runFrom, r.runFrom)
                && Objects.equals(runUntil, r.runUntil)
                && occurs == r.occurs
                && Objects.equals(every, r.every)
                && Objects.equals(getDays(), r.getDays())
                && Objects.equals(monthDay, r.monthDay)
                && ordinal == r.ordinal
                && weekday == r.weekday
                && frequency == r.frequency
                && Objects.equals(at, r.at)
                && Objects.equals(minutes, r.minutes)
                && Objects.equals(windowFrom, r.windowFrom)
                && Objects.equals(windowUntil, r.windowUntil)
                && getMisfirePolicy() == r.getMisfirePolicy();
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeZone, runFrom, runUntil, occurs, every, monthDay, frequency, at, minutes);
    }
}
