package dev.herald.schedules.control;

import dev.herald.schedules.entity.Recurrence;
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
 */
public final class NextRunCalculator {

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
        Iterator<Instant> runs = after(null);
        return runs.hasNext() ? Optional.of(runs.next()) : Optional.empty();
    }

    /** The first run strictly after {@code instant}. */
    public Optional<Instant> next(Instant instant) {
        Iterator<Instant> runs = after(instant);
        return runs.hasNext() ? Optional.of(runs.next()) : Optional.empty();
    }

    /** Up to {@code count} runs strictly after {@code instant}; fewer only where run-until ends the series. */
    public List<Instant> next(Instant instant, int count) {
        List<Instant> result = new ArrayList<>(count);
        Iterator<Instant> runs = after(instant);
        while (result.size() < count && runs.hasNext()) {
            result.add(runs.next());
        }
        return result;
    }

    /**
     * The last run in {@code (after, upTo]} and how many runs fall there: what a scheduler that was
     * down from {@code after} to {@code upTo} missed.
     */
    public Missed missedBetween(Instant after, Instant upTo) {
        Iterator<Instant> runs = after(after);
        Instant last = null;
        long count = 0;
        while (runs.hasNext()) {
            Instant run = runs.next();
            if (run.isAfter(upTo)) {
                break;
            }
            last = run;
            count++;
        }
        return new Missed(Optional.ofNullable(last), count);
    }

    /** Runs missed in a period: how many, and the last of them. */
    public record Missed(Optional<Instant> last, long count) {}

    /** Every run strictly after {@code instant} (null: from the first), lazily. */
    public Iterator<Instant> after(Instant instant) {
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

        Runs(DateSeries.DayIterator dayIterator, Instant after) {
            this.dayIterator = dayIterator;
            this.after = after;
            this.nextDay = dayIterator.next();
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

        /** Adds days until the earliest pending instant cannot be beaten by a later day. */
        private void fill() {
            while (nextDay != null && (pending.isEmpty() || !pending.first().isBefore(startOf(nextDay)))) {
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
