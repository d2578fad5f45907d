package dev.herald.schedules.control;

import static dev.herald.schedules.control.Recurrences.daily;
import static dev.herald.schedules.control.Recurrences.every;
import static dev.herald.schedules.control.Recurrences.monthlyOnDay;
import static dev.herald.schedules.control.Recurrences.monthlyOnWeekday;
import static dev.herald.schedules.control.Recurrences.once;
import static dev.herald.schedules.control.Recurrences.until;
import static dev.herald.schedules.control.Recurrences.weekly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.WeekOrdinal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The worst timetables that can be built, answered within a second: whatever a timetable is (even
 * one stored before today's checks, with years no person would type), no question about it keeps
 * a thread busy.
 */
class RecurrenceBudgetTest {

    private static final Duration PROMPT = Duration.ofSeconds(2);

    /** Timetables that pass validation, at the edges of what it allows. */
    static Stream<Arguments> worstValidTimetables() {
        return Stream.of(
                Arguments.of(
                        "day 31 every 99 months, every 5 minutes all day",
                        every(monthlyOnDay("Europe/London", "1900-01-01", 99, 31), 5, "00:00", "23:55")),
                Arguments.of(
                        "last Sunday every 99 months across Lord Howe's half-hour DST",
                        every(
                                monthlyOnWeekday(
                                        "Australia/Lord_Howe", "1900-01-01", 99, WeekOrdinal.LAST, DayOfWeek.SUNDAY),
                                5,
                                "00:00",
                                "23:55")),
                Arguments.of(
                        "every 5 minutes in a one-minute window, daily, until 2200",
                        until(every(daily("America/Havana", "1900-01-01", 1), 5, "00:00", "00:01"), "2200-12-31")),
                Arguments.of(
                        "every 5 minutes all day, every day since 1900, in Santiago",
                        every(daily("America/Santiago", "1900-01-01", 1), 5, "00:00", "23:55")),
                Arguments.of(
                        "Mondays every 99 weeks, run until far ahead",
                        until(
                                once(weekly("Asia/Kathmandu", "1900-01-01", 99, DayOfWeek.MONDAY), "00:30"),
                                "2200-12-31")),
                Arguments.of(
                        "day 30 monthly from the last accepted year",
                        once(monthlyOnDay("Pacific/Chatham", "2200-12-31", 1, 30), "02:45")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worstValidTimetables")
    void fiveHundredRunsAfterTheLastAcceptedDayComeQuicklyAndInOrder(String name, Recurrence recurrence) {
        List<Instant> runs = assertTimeoutPreemptively(
                PROMPT, () -> NextRunCalculator.of(recurrence).next(Instant.parse("2200-12-31T23:59:59Z"), 500));

        assertThat(runs).isSorted().doesNotHaveDuplicates();
        assertThat(runs).allSatisfy(run -> assertThat(run).isAfter(Instant.parse("2200-12-31T23:59:59Z")));
        if (recurrence.getRunUntil() == null) {
            assertThat(runs).as("nothing ends the series before 500 runs").hasSize(500);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("worstValidTimetables")
    void fiveHundredRunsFromTheFirstAcceptedDayComeQuickly(String name, Recurrence recurrence) {
        List<Instant> runs = assertTimeoutPreemptively(
                PROMPT, () -> NextRunCalculator.of(recurrence).next(Instant.parse("1900-01-01T00:00:00Z"), 500));

        assertThat(runs).isSorted().doesNotHaveDuplicates().isNotEmpty();
    }

    @Test
    void theProbeOfTheIssueAnswersAtOnceWithNoRun() {
        // POST /api/v1/recurrence/preview with after +999999999-01-01T00:00:00Z, MONTHLY_DAY day 30: it
        // used to loop for ever inside lib-recur. The API now refuses such an 'after'; the calculator
        // itself ends every series with year 9999.
        Recurrence recurrence = once(monthlyOnDay("Europe/London", "2026-01-01", 1, 30), "10:00");

        List<Instant> runs = assertTimeoutPreemptively(
                PROMPT, () -> NextRunCalculator.of(recurrence).next(Instant.parse("+999999999-01-01T00:00:00Z"), 500));

        assertThat(runs).isEmpty();
    }

    @Test
    void aSeriesEndsWithYearNineThousandNineHundredAndNinetyNine() {
        Recurrence recurrence = once(daily("UTC", "2026-01-01", 1), "10:00");

        List<Instant> runs = assertTimeoutPreemptively(
                PROMPT, () -> NextRunCalculator.of(recurrence).next(Instant.parse("9999-12-29T00:00:00Z"), 10));

        assertThat(runs)
                .containsExactly(
                        Instant.parse("9999-12-29T10:00:00Z"),
                        Instant.parse("9999-12-30T10:00:00Z"),
                        Instant.parse("9999-12-31T10:00:00Z"));
    }

    @Test
    void aStoredTimetableFromBeforeYearOneHasNoRunsInsteadOfNeverAnswering() {
        // lib-recur never returned for a rule that starts at year −5 and is fast-forwarded to 2026.
        Recurrence recurrence = once(daily("UTC", "2026-01-01", 1), "10:00").setRunFrom(LocalDate.parse("-0005-01-01"));

        Optional<Instant> next = assertTimeoutPreemptively(
                PROMPT, () -> NextRunCalculator.of(recurrence).next(Instant.now()));
        Optional<RecurrenceRules.Text> rule = assertTimeoutPreemptively(PROMPT, () -> RecurrenceRules.of(recurrence));

        assertThat(next).isEmpty();
        assertThat(rule).isEmpty();
    }

    @Test
    void aStoredTimetableFromTheEndOfTimeHasNoRuns() {
        Recurrence recurrence =
                once(daily("UTC", "2026-01-01", 1), "10:00").setRunFrom(LocalDate.parse("+999999999-01-01"));

        assertThat(assertTimeoutPreemptively(
                        PROMPT, () -> NextRunCalculator.of(recurrence).next(Instant.parse("2026-01-01T00:00:00Z"), 10)))
                .isEmpty();
    }

    @Test
    void missedRunsOverThreeCenturiesAreCountedAsAtLeastTheBudgetAndTheLatestIsExact() {
        Recurrence recurrence = every(daily("Europe/London", "1900-01-01", 1), 5, "00:00", "23:55");
        Instant upTo = Instant.parse("2200-06-15T12:34:56Z");

        NextRunCalculator calculator = NextRunCalculator.of(recurrence);
        NextRunCalculator.Missed missed = assertTimeoutPreemptively(
                PROMPT, () -> calculator.missedBetween(Instant.parse("1900-01-01T00:00:00Z"), upTo));

        assertThat(missed.counted()).as("too many to count").isFalse();
        assertThat(missed.count()).isGreaterThan(100_000);
        // 13:34:56 in London (summer time): the latest run was 13:30 local.
        assertThat(missed.last()).contains(Instant.parse("2200-06-15T12:30:00Z"));
    }

    @Test
    void theLatestMissedRunIsFoundWhenTheSeriesEndedLongBeforeTheDowntimeEnded() {
        Recurrence recurrence =
                until(every(monthlyOnDay("Asia/Tokyo", "1900-01-01", 1, 31), 5, "00:00", "23:55"), "2150-03-01");

        NextRunCalculator calculator = NextRunCalculator.of(recurrence);
        NextRunCalculator.Missed missed = assertTimeoutPreemptively(
                PROMPT,
                () -> calculator.missedBetween(
                        Instant.parse("1900-01-01T00:00:00Z"), Instant.parse("2200-01-01T00:00:00Z")));

        assertThat(missed.counted()).isFalse();
        // The last run: 28 February 2150 (February's last day stands in for the 31st), 23:55 in Tokyo.
        assertThat(missed.last()).contains(Instant.parse("2150-02-28T14:55:00Z"));
        assertThat(calculator.next(missed.last().orElseThrow())).isEmpty();
    }

    @Test
    void aShortDowntimeIsCountedExactly() {
        Recurrence recurrence = every(daily("UTC", "2026-01-01", 1), 5, "00:00", "23:55");

        NextRunCalculator.Missed missed = NextRunCalculator.of(recurrence)
                .missedBetween(Instant.parse("2026-02-01T00:00:00Z"), Instant.parse("2026-02-02T00:00:00Z"));

        assertThat(missed.counted()).isTrue();
        assertThat(missed.count()).isEqualTo(288);
        assertThat(missed.last()).contains(Instant.parse("2026-02-02T00:00:00Z"));
    }
}
