package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The instants at which a recurrence runs, as SPEC.md defines them. lib-recur gives the occurring
 * days (see {@link DateSeries}); each day's local times ({@link DailyTimes}) are placed in the
 * schedule's zone by {@code java.time}: a time in a spring-forward gap moves forward by the length of
 * the gap, a time that exists twice runs at the first, and times that land on one instant run once.
 *
 * <p>Instants come out strictly increasing. A day's instants are held back until no later day can
 * produce an earlier one (a gap right before midnight can push a time into the next day).
 *
 * <p>Every question has an iteration budget ({@link #BUDGET} steps: a day read from the series, or a
 * run placed in the zone), so that no timetable, not even one stored before today's checks, can
 * keep a request thread or the scheduler's claim busy. A question about the next 500 runs takes at
 * most about 1,100 steps (500 runs and the two days around the start, each day up to 288 times), so
 * the budget binds only on counting runs missed over a very long downtime, where the count then
 * says "at least" and the latest missed run is found by halving (see {@link #missedBetween}).
 */
public final class NextRunCalculator {

    /** The most steps one question may take: about a tenth of a second. */
    static final int BUDGET = 200_000;

    private final ZoneId zone;
    private final DateSeries days;
    private final List<LocalTime> times;
    private final LocalDate runFrom;

    private NextRunCalculator(Recurrence recurrence) {
        this.zone = ZoneId.of(recurrence.getTimeZone());
        this.days = new DateSeries(recurrence);
        this.times = DailyTimes.of(recurrence);
        this.runFrom = recurrence.getRunFrom();
    }

    /** A calculator for a valid recurrence (see ScheduleValidator). */
    public static NextRunCalculator of(Recurrence recurrence) {
        return new NextRunCalculator(recurrence);
    }

    /** The first run of all, if there is any. */
    public Optional<Instant> first() {
        Runs runs = after(null);
        return runs.hasNext() ? Optional.of(runs.next()) : Optional.empty();
    }

    /** The first run strictly after {@code instant}. */
    public Optional<Instant> next(Instant instant) {
        Runs runs = after(instant);
        return runs.hasNext() ? Optional.of(runs.next()) : Optional.empty();
    }

    /**
     * Up to {@code count} runs strictly after {@code instant}; fewer only where run-until (or, for a
     * timetable that never passed today's checks, the budget or year 9999) ends the series.
     */
    public List<Instant> next(Instant instant, int count) {
        List<Instant> result = new ArrayList<>(Math.min(count, 1000));
        Runs runs = after(instant);
        while (result.size() < count && runs.hasNext()) {
            result.add(runs.next());
        }
        return result;
    }

    /**
     * The last run in {@code (after, upTo]} and how many runs fall there: what a scheduler that was
     * down from {@code after} to {@code upTo} missed. Counting stops when the budget is spent (more
     * than a year of runs every five minutes); the count is then a lower bound, and the last run is
     * found by halving the rest of the period, each half asking for one next run.
     */
    public Missed missedBetween(Instant after, Instant upTo) {
        Runs runs = after(after);
        Instant last = null;
        long count = 0;
        while (runs.hasNext()) {
            Instant run = runs.next();
            if (run.isAfter(upTo)) {
                return new Missed(Optional.ofNullable(last), count, true);
            }
            last = run;
            count++;
        }
        if (!runs.spent() || last == null) {
            return new Missed(Optional.ofNullable(last), count, true);
        }
        return new Missed(Optional.of(latestUpTo(last, upTo)), count, false);
    }

    /**
     * The latest run at or before {@code upTo}, given one ({@code known}) that is not after it. Each
     * step asks for the first run after the middle of what is left, so the search takes about 40
     * small questions however long the period.
     */
    private Instant latestUpTo(Instant known, Instant upTo) {
        Instant latest = known;
        Instant high = upTo;
        while (true) {
            Optional<Instant> following = next(latest);
            if (following.isEmpty() || following.get().isAfter(high)) {
                return latest;
            }
            Instant middle = latest.plus(Duration.between(latest, high).dividedBy(2));
            Optional<Instant> pastMiddle = next(middle);
            if (pastMiddle.isPresent() && !pastMiddle.get().isAfter(high)) {
                latest = pastMiddle.get();
            } else {
                // Nothing runs in (middle, high]: the run after latest lies at or before middle.
                high = middle;
                latest = following.get();
            }
        }
    }

    /**
     * Runs missed in a period: how many ({@code counted} false: at least that many, the budget ended
     * the count), and the last of them.
     */
    public record Missed(Optional<Instant> last, long count, boolean counted) {}

    /** Every run strictly after {@code instant} (null: from the first), lazily, within the budget. */
    private Runs after(Instant instant) {
        LocalDate start = runFrom;
        if (instant != null) {
            // A day earlier than the instant's own date: an instant is never on a local date
            // more than a day before the one its zone shows, even across gaps and overlaps.
            LocalDate local = instant.atZone(zone).toLocalDate().minusDays(1);
            if (local.isAfter(start)) {
                start = local;
            }
        }
        return new Runs(days.from(start), instant);
    }

    private final class Runs implements Iterator<Instant> {
        private final DateSeries.DayIterator dayIterator;
        private final Instant after;
        private final TreeSet<Instant> pending = new TreeSet<>();
        private LocalDate nextDay;
        private int steps;

        Runs(DateSeries.DayIterator dayIterator, Instant after) {
            this.dayIterator = dayIterator;
            this.after = after;
            this.nextDay = dayIterator.next();
        }

        /** Whether the budget ended the series (rather than run-until). */
        boolean spent() {
            return steps >= BUDGET;
        }

        @Override
        public boolean hasNext() {
            fill();
            return !pending.isEmpty();
        }

        @Override
        public Instant next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return pending.pollFirst();
        }

        /**
         * Adds days until the earliest pending instant cannot be beaten by a later day, or the budget
         * is spent: then no further day is read, and the series ends after what is pending.
         */
        private void fill() {
            while (nextDay != null && (pending.isEmpty() || !pending.first().isBefore(startOf(nextDay)))) {
                if (steps >= BUDGET) {
                    nextDay = null;
                    return;
                }
                steps += 1 + times.size();
                for (LocalTime time : times) {
                    Instant run = ZonedDateTime.of(nextDay, time, zone).toInstant();
                    if (after == null || run.isAfter(after)) {
                        pending.add(run);
                    }
                }
                nextDay = dayIterator.next();
            }
        }

        private Instant startOf(LocalDate day) {
            return day.atStartOfDay(zone).toInstant();
        }
    }
}
