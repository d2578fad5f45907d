package dev.herald.schedules.control;

import static dev.herald.schedules.control.Recurrences.daily;
import static dev.herald.schedules.control.Recurrences.every;
import static dev.herald.schedules.control.Recurrences.monthlyOnDay;
import static dev.herald.schedules.control.Recurrences.monthlyOnWeekday;
import static dev.herald.schedules.control.Recurrences.once;
import static dev.herald.schedules.control.Recurrences.until;
import static dev.herald.schedules.control.Recurrences.utc;
import static dev.herald.schedules.control.Recurrences.weekly;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.schedules.entity.DailyFrequencyType;
import dev.herald.schedules.entity.Recurrence;
import dev.herald.schedules.entity.WeekOrdinal;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Cases a reader can check with a calendar. Instants are UTC; London is on GMT until the last
 * Sunday of March and from the last Sunday of October.
 */
class NextRunCalculatorTest {

    private static List<String> next(Recurrence recurrence, String after, int count) {
        return utc(NextRunCalculator.of(recurrence).next(Instant.parse(after), count));
    }

    @Nested
    class Days {

        @Test
        void dailyRunsEveryDayAtItsTime() {
            Recurrence r = once(daily("Europe/London", "2026-03-01", 1), "10:00");

            assertThat(next(r, "2026-03-01T00:00:00Z", 3))
                    .containsExactly("2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z", "2026-03-03T10:00:00Z");
        }

        @Test
        void everyThreeDaysCountsFromRunFromNotFromNow() {
            Recurrence r = once(daily("Europe/London", "2026-03-01", 3), "10:00");

            assertThat(next(r, "2026-03-02T00:00:00Z", 3))
                    .containsExactly("2026-03-04T10:00:00Z", "2026-03-07T10:00:00Z", "2026-03-10T10:00:00Z");
        }

        @Test
        void nothingRunsBeforeRunFrom() {
            Recurrence r = once(daily("UTC", "2026-06-10", 1), "08:00");

            assertThat(next(r, "2026-01-01T00:00:00Z", 1)).containsExactly("2026-06-10T08:00:00Z");
        }

        @Test
        void weekZeroIsTheMondayWeekHoldingRunFrom() {
            // 1 March 2026 is a Sunday: week 0 is 23 Feb – 1 Mar, so every second week means 9–15 Mar,
            // 23–29 Mar, and week 0's Monday and Thursday are before run-from.
            Recurrence r = once(weekly("Europe/London", "2026-03-01", 2, MONDAY, THURSDAY), "10:00");

            assertThat(next(r, "2026-03-01T00:00:00Z", 4))
                    .containsExactly(
                            "2026-03-09T10:00:00Z",
                            "2026-03-12T10:00:00Z",
                            "2026-03-23T10:00:00Z",
                            "2026-03-26T10:00:00Z");
        }

        @Test
        void aRunFromMidWeekKeepsTheRestOfThatWeek() {
            // Wednesday 4 March: week 0 is 2–8 March, so its Thursday runs.
            Recurrence r = once(weekly("Europe/London", "2026-03-04", 2, MONDAY, THURSDAY), "10:00");

            assertThat(next(r, "2026-03-01T00:00:00Z", 3))
                    .containsExactly("2026-03-05T10:00:00Z", "2026-03-16T10:00:00Z", "2026-03-19T10:00:00Z");
        }

        @Test
        void day31RunsOnTheLastDayOfShorterMonths() {
            Recurrence r = once(monthlyOnDay("UTC", "2026-01-01", 1, 31), "08:00");

            assertThat(next(r, "2026-01-01T00:00:00Z", 4))
                    .containsExactly(
                            "2026-01-31T08:00:00Z",
                            "2026-02-28T08:00:00Z",
                            "2026-03-31T08:00:00Z",
                            "2026-04-30T08:00:00Z");
        }

        @Test
        void day29IsThe29thOfFebruaryOnlyInALeapYear() {
            Recurrence common = once(monthlyOnDay("UTC", "2027-01-15", 1, 29), "08:00");
            Recurrence leap = once(monthlyOnDay("UTC", "2028-01-30", 1, 29), "08:00");

            assertThat(next(common, "2027-01-01T00:00:00Z", 3))
                    .containsExactly("2027-01-29T08:00:00Z", "2027-02-28T08:00:00Z", "2027-03-29T08:00:00Z");
            assertThat(next(leap, "2028-01-01T00:00:00Z", 2))
                    .containsExactly("2028-02-29T08:00:00Z", "2028-03-29T08:00:00Z");
        }

        @Test
        void everyTwoMonthsCountsFromRunFromsMonth() {
            // January is month 0 but the 15th is before run-from; then March, May, July.
            Recurrence r = once(monthlyOnDay("UTC", "2026-01-20", 2, 15), "08:00");

            assertThat(next(r, "2026-01-01T00:00:00Z", 3))
                    .containsExactly("2026-03-15T08:00:00Z", "2026-05-15T08:00:00Z", "2026-07-15T08:00:00Z");
        }

        @Test
        void theLastDayOfEachMonth() {
            Recurrence r = once(monthlyOnDay("UTC", "2026-02-01", 1, Recurrence.LAST_DAY), "08:00");

            assertThat(next(r, "2026-02-01T00:00:00Z", 3))
                    .containsExactly("2026-02-28T08:00:00Z", "2026-03-31T08:00:00Z", "2026-04-30T08:00:00Z");
        }

        @Test
        void theLastFridayEveryThreeMonths() {
            Recurrence r = once(monthlyOnWeekday("UTC", "2026-03-04", 3, WeekOrdinal.LAST, FRIDAY), "08:00");

            assertThat(next(r, "2026-03-01T00:00:00Z", 4))
                    .containsExactly(
                            "2026-03-27T08:00:00Z",
                            "2026-06-26T08:00:00Z",
                            "2026-09-25T08:00:00Z",
                            "2026-12-25T08:00:00Z");
        }

        @Test
        void theFirstMondayAndTheFourthWednesday() {
            Recurrence firstMonday = once(monthlyOnWeekday("UTC", "2026-06-01", 1, WeekOrdinal.FIRST, MONDAY), "08:00");
            Recurrence fourthWednesday =
                    once(monthlyOnWeekday("UTC", "2026-06-01", 1, WeekOrdinal.FOURTH, WEDNESDAY), "08:00");

            assertThat(next(firstMonday, "2026-05-31T00:00:00Z", 3))
                    .containsExactly("2026-06-01T08:00:00Z", "2026-07-06T08:00:00Z", "2026-08-03T08:00:00Z");
            assertThat(next(fourthWednesday, "2026-05-31T00:00:00Z", 1)).containsExactly("2026-06-24T08:00:00Z");
        }

        @Test
        void runUntilIncludesItsLastDayAndThenStops() {
            Recurrence r = until(once(daily("UTC", "2026-03-01", 1), "23:30"), "2026-03-03");

            assertThat(next(r, "2026-02-01T00:00:00Z", 10))
                    .containsExactly("2026-03-01T23:30:00Z", "2026-03-02T23:30:00Z", "2026-03-03T23:30:00Z");
            assertThat(NextRunCalculator.of(r).next(Instant.parse("2026-03-03T23:30:00Z")))
                    .isEmpty();
        }

        @Test
        void runUntilIsADateInTheSchedulesZone() {
            // 23:30 in New York on 3 March is 04:30 UTC on the 4th, and still runs.
            Recurrence r = until(once(daily("America/New_York", "2026-03-01", 1), "23:30"), "2026-03-03");

            assertThat(next(r, "2026-03-01T00:00:00Z", 10)).last().isEqualTo("2026-03-04T04:30:00Z");
        }
    }

    @Nested
    class TimesOfDay {

        @Test
        void everyFortyFiveMinutesInAWindowIncludesItsEndOnlyWhenItLandsThere() {
            Recurrence r = every(daily("UTC", "2026-05-04", 1), 45, "09:00", "10:30");

            assertThat(next(r, "2026-05-04T00:00:00Z", 4))
                    .containsExactly(
                            "2026-05-04T09:00:00Z",
                            "2026-05-04T09:45:00Z",
                            "2026-05-04T10:30:00Z",
                            "2026-05-05T09:00:00Z");
        }

        @Test
        void before8amIsAStableMinuteBetweenFiveAndSeven() {
            LocalTime picked = DailyTimes.before8am("Daily sales for Box Office");

            assertThat(picked).isBetween(LocalTime.of(5, 0), LocalTime.of(6, 59));
            assertThat(DailyTimes.before8am("daily sales for box office ")).isEqualTo(picked);
        }

        @Test
        void before8amSpreadsManySchedulesOverTwoHours() {
            Set<LocalTime> minutes = new HashSet<>();
            for (int i = 0; i < 2000; i++) {
                minutes.add(DailyTimes.before8am("Schedule " + i));
            }

            assertThat(minutes).hasSize(120);
        }

        @Test
        void before8amRunsAtItsPickedTime() {
            Recurrence r = daily("Europe/London", "2026-07-01", 1)
                    .setFrequency(DailyFrequencyType.BEFORE_8AM)
                    .setAt(LocalTime.of(6, 17));

            // British Summer Time: 06:17 BST is 05:17 UTC.
            assertThat(next(r, "2026-07-01T00:00:00Z", 1)).containsExactly("2026-07-01T05:17:00Z");
        }
    }

    @Nested
    class DaylightSaving {

        @Test
        void londonSpringForwardMovesATimeInTheGapForwardByAnHour() {
            // 29 March 2026: 01:00 GMT becomes 02:00 BST, so 01:30 does not exist and runs at 02:30 BST.
            Recurrence r = once(daily("Europe/London", "2026-03-28", 1), "01:30");

            assertThat(next(r, "2026-03-27T00:00:00Z", 3))
                    .containsExactly("2026-03-28T01:30:00Z", "2026-03-29T01:30:00Z", "2026-03-30T00:30:00Z");
        }

        @Test
        void londonFallBackRunsATimeThatExistsTwiceOnceAtTheFirst() {
            // 25 October 2026: 02:00 BST becomes 01:00 GMT, so 01:30 happens twice; it runs at 01:30 BST.
            Recurrence r = once(daily("Europe/London", "2026-10-24", 1), "01:30");

            assertThat(next(r, "2026-10-23T00:00:00Z", 3))
                    .containsExactly("2026-10-24T00:30:00Z", "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z");
        }

        @Test
        void newYorkAWindowAcrossTheGapRunsEachInstantOnce() {
            // 8 March 2026: 02:00 EST becomes 03:00 EDT. 02:00 and 02:30 move to 03:00 and 03:30 EDT,
            // where the window's own 03:00 and 03:30 already are: each of those instants runs once.
            Recurrence r = until(every(daily("America/New_York", "2026-03-08", 1), 30, "01:00", "04:00"), "2026-03-08");

            assertThat(next(r, "2026-03-07T00:00:00Z", 10))
                    .containsExactly(
                            "2026-03-08T06:00:00Z",
                            "2026-03-08T06:30:00Z",
                            "2026-03-08T07:00:00Z",
                            "2026-03-08T07:30:00Z",
                            "2026-03-08T08:00:00Z");
        }

        @Test
        void newYorkAWindowAcrossTheOverlapRunsTheRepeatedHourOnce() {
            // 1 November 2026: 02:00 EDT becomes 01:00 EST; 01:00 and 01:30 run in EDT only.
            Recurrence r = until(every(daily("America/New_York", "2026-11-01", 1), 30, "00:30", "02:30"), "2026-11-01");

            assertThat(next(r, "2026-10-31T00:00:00Z", 10))
                    .containsExactly(
                            "2026-11-01T04:30:00Z",
                            "2026-11-01T05:00:00Z",
                            "2026-11-01T05:30:00Z",
                            "2026-11-01T07:00:00Z",
                            "2026-11-01T07:30:00Z");
        }

        @Test
        void lordHoweHasAHalfHourGap() {
            // 4 October 2026: 02:00 (+10:30) becomes 02:30 (+11:00); 02:15 runs at 02:45 +11:00.
            Recurrence r = once(daily("Australia/Lord_Howe", "2026-10-03", 1), "02:15");

            assertThat(next(r, "2026-10-01T00:00:00Z", 3))
                    .containsExactly("2026-10-02T15:45:00Z", "2026-10-03T15:45:00Z", "2026-10-04T15:15:00Z");
        }

        @Test
        void lordHoweRepeatsHalfAnHourAndRunsItOnce() {
            // 5 April 2026: 02:00 (+11:00) becomes 01:30 (+10:30); 01:45 runs at 01:45 +11:00.
            Recurrence r = once(daily("Australia/Lord_Howe", "2026-04-04", 1), "01:45");

            assertThat(next(r, "2026-04-01T00:00:00Z", 3))
                    .containsExactly("2026-04-03T14:45:00Z", "2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z");
        }

        @Test
        void chathamTwelveFortyFiveHoursAheadAndItsGap() {
            // 27 September 2026: 02:45 (+12:45) becomes 03:45 (+13:45); 03:00 runs at 04:00 +13:45.
            Recurrence r = once(daily("Pacific/Chatham", "2026-09-26", 1), "03:00");

            assertThat(next(r, "2026-09-24T00:00:00Z", 3))
                    .containsExactly("2026-09-25T14:15:00Z", "2026-09-26T14:15:00Z", "2026-09-27T13:15:00Z");
        }
    }

    @Nested
    class Missed {

        @Test
        void countsTheRunsMissedWhileDownAndNamesTheLast() {
            Recurrence r = every(daily("UTC", "2026-05-01", 1), 60, "00:00", "23:00");

            NextRunCalculator.Missed missed = NextRunCalculator.of(r)
                    .missedBetween(Instant.parse("2026-05-01T09:30:00Z"), Instant.parse("2026-05-01T14:10:00Z"));

            assertThat(missed.count()).isEqualTo(5);
            assertThat(missed.last()).contains(Instant.parse("2026-05-01T14:00:00Z"));
        }
    }
}
