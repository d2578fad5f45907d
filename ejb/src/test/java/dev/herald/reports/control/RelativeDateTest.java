package dev.herald.reports.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each metric on days a reader can check with a calendar. 25 Nov 2026 is a Wednesday. */
class RelativeDateTest {

    private static DateRange on(String today, RelativeDate metric) {
        return metric.resolve(LocalDate.parse(today));
    }

    @ParameterizedTest(name = "{1} on {0} is {2} to {3}")
    @CsvSource({
        "2026-11-25, TODAY,         2026-11-25, 2026-11-25",
        "2026-11-25, YESTERDAY,     2026-11-24, 2026-11-24",
        "2026-11-25, THIS_WEEK,     2026-11-23, 2026-11-29",
        "2026-11-25, LAST_WEEK,     2026-11-16, 2026-11-22",
        "2026-11-25, LAST_7_DAYS,   2026-11-18, 2026-11-24",
        "2026-11-25, THIS_MONTH,    2026-11-01, 2026-11-30",
        "2026-11-25, LAST_MONTH,    2026-10-01, 2026-10-31",
        "2026-11-25, MONTH_TO_DATE, 2026-11-01, 2026-11-25",
        "2026-11-25, LAST_30_DAYS,  2026-10-26, 2026-11-24",
        "2026-11-25, THIS_YEAR,     2026-01-01, 2026-12-31",
        "2026-11-25, LAST_YEAR,     2025-01-01, 2025-12-31",
        "2026-11-25, NEXT_7_DAYS,   2026-11-25, 2026-12-01",
    })
    void everyMetricOnAnOrdinaryWednesday(String today, RelativeDate metric, String first, String last) {
        assertThat(on(today, metric)).isEqualTo(new DateRange(LocalDate.parse(first), LocalDate.parse(last)));
    }

    @Nested
    class WeekBoundaries {

        @Test
        void lastWeekOnAMondayIsThePreviousMondayToSunday() {
            assertThat(on("2026-11-23", RelativeDate.LAST_WEEK))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22")));
        }

        @Test
        void lastWeekOnASundayIsStillThePreviousCalendarWeek() {
            assertThat(on("2026-11-29", RelativeDate.LAST_WEEK))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22")));
        }

        @Test
        void lastWeekIsNotTheLastSevenDays() {
            assertThat(on("2026-11-25", RelativeDate.LAST_WEEK))
                    .isNotEqualTo(on("2026-11-25", RelativeDate.LAST_7_DAYS));
        }

        @Test
        void lastWeekAcrossTheYearEnd() {
            // 1 Jan 2027 is a Friday; the week before the one holding it is Mon 21 – Sun 27 Dec 2026.
            assertThat(on("2027-01-01", RelativeDate.LAST_WEEK))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-27")));
            assertThat(on("2027-01-01", RelativeDate.THIS_WEEK))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-12-28"), LocalDate.parse("2027-01-03")));
        }
    }

    @Nested
    class MonthAndYearBoundaries {

        @Test
        void lastMonthInMarchOfALeapYearEndsOn29February() {
            assertThat(on("2028-03-01", RelativeDate.LAST_MONTH))
                    .isEqualTo(new DateRange(LocalDate.parse("2028-02-01"), LocalDate.parse("2028-02-29")));
        }

        @Test
        void onTheFirstOfAMonthMonthToDateIsOneDayAndYesterdayIsLastMonth() {
            assertThat(on("2026-12-01", RelativeDate.MONTH_TO_DATE))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-01")));
            assertThat(on("2026-12-01", RelativeDate.YESTERDAY))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-11-30"), LocalDate.parse("2026-11-30")));
        }

        @Test
        void inJanuaryLastMonthAndLastYearAreInThePreviousYear() {
            assertThat(on("2027-01-15", RelativeDate.LAST_MONTH))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-12-01"), LocalDate.parse("2026-12-31")));
            assertThat(on("2027-01-01", RelativeDate.LAST_YEAR))
                    .isEqualTo(new DateRange(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31")));
        }
    }

    @Nested
    class DaylightSaving {

        private final ZoneId london = ZoneId.of("Europe/London");

        @Test
        void theDayTheClocksGoForwardIs23HoursLong() {
            DateRange day = on("2026-03-30", RelativeDate.YESTERDAY);
            assertThat(day.startIn(london)).hasToString("2026-03-29T00:00Z");
            assertThat(day.endIn(london)).hasToString("2026-03-30T00:00+01:00");
        }

        @Test
        void theDayTheClocksGoBackIs25HoursLong() {
            DateRange day = on("2026-10-26", RelativeDate.YESTERDAY);
            assertThat(day.startIn(london)).hasToString("2026-10-25T00:00+01:00");
            assertThat(day.endIn(london)).hasToString("2026-10-26T00:00Z");
        }

        @Test
        void lastWeekAcrossTheChangeStartsAndEndsAtLocalMidnight() {
            DateRange week = on("2026-04-01", RelativeDate.LAST_WEEK);
            assertThat(week).isEqualTo(new DateRange(LocalDate.parse("2026-03-23"), LocalDate.parse("2026-03-29")));
            assertThat(week.startIn(london)).hasToString("2026-03-23T00:00Z");
            assertThat(week.endIn(london)).hasToString("2026-03-30T00:00+01:00");
        }

        @Test
        void aZoneWhoseMidnightDoesNotExistStartsAtTheFirstInstantOfTheDay() {
            // Santiago moved its clocks from 00:00 to 01:00 on 6 Sep 2026.
            DateRange day = new DateRange(LocalDate.parse("2026-09-06"), LocalDate.parse("2026-09-06"));
            assertThat(day.startIn(ZoneId.of("America/Santiago"))).hasToString("2026-09-06T01:00-03:00");
        }
    }
}
