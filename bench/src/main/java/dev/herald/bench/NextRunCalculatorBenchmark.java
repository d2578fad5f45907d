package dev.herald.bench;

import dev.herald.schedules.control.NextRunCalculator;
import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.OccursType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.WeekOrdinal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Next runs per second, per kind of timetable, in Europe/London (daylight saving included). The
 * scheduler builds a calculator for every schedule it claims, so "claim" measures building one and
 * asking it once; "next" measures asking a built one.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class NextRunCalculatorBenchmark {

    @Param({"DAILY", "WEEKLY", "MONTHLY_DAY", "MONTHLY_WEEKDAY", "EVERY_15_MINUTES"})
    public String timetable;

    private Recurrence recurrence;
    private NextRunCalculator calculator;
    private final Instant[] afters = new Instant[1024];
    private int next;

    @Setup
    public void setUp() {
        recurrence = recurrence(timetable);
        calculator = NextRunCalculator.of(recurrence);
        Random random = new Random(42);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < afters.length; i++) {
            afters[i] = start.plusSeconds(random.nextInt(4 * 365 * 24 * 3600));
        }
    }

    @Benchmark
    public Optional<Instant> next() {
        return calculator.next(afters[next++ & 1023]);
    }

    @Benchmark
    public Optional<Instant> claim() {
        return NextRunCalculator.of(recurrence).next(afters[next++ & 1023]);
    }

    static Recurrence recurrence(String kind) {
        Recurrence r = new Recurrence()
                .setTimeZone("Europe/London")
                .setRunFrom(LocalDate.of(2025, 12, 3))
                .setEvery(1)
                .setFrequency(DailyFrequencyType.ONCE)
                .setAt(LocalTime.of(1, 30));
        return switch (kind) {
            case "DAILY" -> r.setOccurs(OccursType.DAILY).setEvery(3);
            case "WEEKLY" ->
                r.setOccurs(OccursType.WEEKLY).setEvery(2).setDays(EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY));
            case "MONTHLY_DAY" -> r.setOccurs(OccursType.MONTHLY_DAY).setMonthDay(31);
            case "MONTHLY_WEEKDAY" ->
                r.setOccurs(OccursType.MONTHLY_WEEKDAY)
                        .setOrdinal(WeekOrdinal.LAST)
                        .setWeekday(DayOfWeek.FRIDAY);
            case "EVERY_15_MINUTES" ->
                r.setOccurs(OccursType.DAILY)
                        .setFrequency(DailyFrequencyType.EVERY)
                        .setMinutes(15)
                        .setWindowFrom(LocalTime.of(0, 0))
                        .setWindowUntil(LocalTime.of(23, 45));
            default -> throw new IllegalArgumentException(kind);
        };
    }
}
