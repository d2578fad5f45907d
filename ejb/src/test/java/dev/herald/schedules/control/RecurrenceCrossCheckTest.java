package dev.herald.schedules.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.schedules.entity.Recurrence;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.fortuna.ical4j.model.Recur;
import org.junit.jupiter.api.Test;

/**
 * The calculator against two independent readings of the same schedules, on thousands of random
 * recurrences: SPEC.md applied day by day ({@link SpecOracle}), and the exported RFC 5545 rules
 * expanded by ical4j, a different RRULE implementation from the lib-recur the calculator uses.
 */
class RecurrenceCrossCheckTest {

    private static final long SEED = 20261125L;
    private static final int RUNS_COMPARED = 60;

    @Test
    void theCalculatorAgreesWithTheSpecReadDayByDay() {
        RandomRecurrences random = new RandomRecurrences(SEED);
        for (int i = 0; i < 3000; i++) {
            Recurrence recurrence = random.next();
            Instant after = random.dateAround(recurrence.getRunFrom())
                    .atStartOfDay(ZoneId.of(recurrence.getTimeZone()))
                    .toInstant();

            List<Instant> calculated = NextRunCalculator.of(recurrence).next(after, RUNS_COMPARED);
            LocalDate horizon = calculated.size() == RUNS_COMPARED
                    ? calculated
                            .get(RUNS_COMPARED - 1)
                            .atZone(ZoneId.of(recurrence.getTimeZone()))
                            .toLocalDate()
                            .plusDays(1)
                    : recurrence.getRunUntil();
            List<Instant> expected = SpecOracle.runs(recurrence, after, RUNS_COMPARED, horizon);

            assertThat(calculated)
                    .as("case %d: %s after %s", i, describe(recurrence), after)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theExportedRulesExpandToTheSameRunsInIcal4j() {
        RandomRecurrences random = new RandomRecurrences(SEED + 1);
        for (int i = 0; i < 1500; i++) {
            Recurrence recurrence = random.next();
            NextRunCalculator calculator = NextRunCalculator.of(recurrence);
            List<Instant> calculated = calculator.next(null, RUNS_COMPARED);
            if (calculated.isEmpty()) {
                // run-until comes before the first day it would run on: nothing to export either
                assertThat(RecurrenceRules.of(recurrence)).as("case %d", i).isEmpty();
                continue;
            }
            RecurrenceRules.Text text = RecurrenceRules.of(recurrence).orElseThrow();
            LocalDateTime end = calculated
                    .get(calculated.size() - 1)
                    .atZone(text.zone())
                    .toLocalDateTime()
                    .plusDays(1);

            List<Instant> expanded = expand(text, recurrence, end).stream()
                    .limit(calculated.size())
                    .toList();

            assertThat(text.start().atZone(text.zone()).toInstant()).isEqualTo(calculated.get(0));
            assertThat(expanded)
                    .as("case %d: %s\n%s", i, describe(recurrence), text.asICalendar())
                    .isEqualTo(calculated);
        }
    }

    /** ical4j expands each RRULE from DTSTART as floating local times; the zone rules of SPEC.md place them. */
    private static List<Instant> expand(RecurrenceRules.Text text, Recurrence recurrence, LocalDateTime end) {
        ZoneId zone = text.zone();
        TreeSet<Instant> runs = new TreeSet<>();
        for (String rule : text.rrules()) {
            Recur<LocalDateTime> recur = new Recur<>(rule.replaceAll(";UNTIL=[0-9TZ]+", ""));
            List<LocalDateTime> local = new ArrayList<>(recur.getDates(text.start(), text.start(), end));
            local.add(text.start());
            for (LocalDateTime time : local) {
                if (recurrence.getRunUntil() == null || !time.toLocalDate().isAfter(recurrence.getRunUntil())) {
                    runs.add(ZonedDateTime.of(time, zone).toInstant());
                }
            }
        }
        return List.copyOf(runs);
    }

    private static String describe(Recurrence r) {
        return r.getTimeZone() + " from " + r.getRunFrom() + " until " + r.getRunUntil() + " " + r.getOccurs()
                + " every " + r.getEvery() + " days=" + r.getDays() + " monthDay=" + r.getMonthDay() + " "
                + r.getOrdinal() + " " + r.getWeekday() + " " + r.getFrequency() + " at=" + r.getAt() + " "
                + r.getMinutes() + "min " + r.getWindowFrom() + "-" + r.getWindowUntil();
    }
}
