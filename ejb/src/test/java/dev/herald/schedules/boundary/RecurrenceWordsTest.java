package dev.herald.schedules.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecurrenceWordsTest {

    private static final LocalDate TUESDAY_1_DEC = LocalDate.of(2026, 12, 1);

    @Test
    void theIssuesExampleReadsAsWritten() {
        RecurrenceView fortnightly = recurrence(
                "Europe/London",
                TUESDAY_1_DEC,
                null,
                new OccursView("WEEKLY", 2, List.of("THURSDAY", "MONDAY"), null, null, null),
                once("08:00"));

        assertThat(RecurrenceWords.summary(fortnightly))
                .isEqualTo("Every 2 weeks on Monday and Thursday at 08:00, Europe/London, from 1 Dec 2026");
        assertThat(RecurrenceWords.anchor(fortnightly))
                .isEqualTo("Week 1 is the week of Monday 30 Nov 2026 (it holds the first day, Tuesday 1 Dec 2026);"
                        + " after that, every 2nd week runs.");
    }

    @Test
    void dailySingularAndPluralWithAnEndDate() {
        RecurrenceView everyDay = recurrence("UTC", TUESDAY_1_DEC, LocalDate.of(2027, 3, 31), daily(1), once("06:30"));
        assertThat(RecurrenceWords.summary(everyDay))
                .isEqualTo("Every day at 06:30, UTC, from 1 Dec 2026 until 31 Mar 2027");
        assertThat(RecurrenceWords.anchor(everyDay))
                .as("every day: nothing is skipped")
                .isNull();

        RecurrenceView everyThirdDay = recurrence("America/New_York", TUESDAY_1_DEC, null, daily(3), once("23:59"));
        assertThat(RecurrenceWords.summary(everyThirdDay))
                .isEqualTo("Every 3 days at 23:59, America/New_York, from 1 Dec 2026");
        assertThat(RecurrenceWords.anchor(everyThirdDay))
                .isEqualTo("Days count from 1 Dec 2026: it runs that day, then every 3rd day.");
    }

    @Test
    void weeklyListsItsDaysInWeekOrderWhateverOrderTheyCameIn() {
        RecurrenceView one = weekly(1, "FRIDAY");
        assertThat(RecurrenceWords.summary(one)).startsWith("Every week on Friday at 08:00");
        assertThat(RecurrenceWords.anchor(one)).isNull();

        assertThat(RecurrenceWords.summary(weekly(1, "SUNDAY", "WEDNESDAY", "MONDAY")))
                .startsWith("Every week on Monday, Wednesday and Sunday at");
        assertThat(RecurrenceWords.summary(
                        weekly(3, "SUNDAY", "SATURDAY", "FRIDAY", "THURSDAY", "WEDNESDAY", "TUESDAY", "MONDAY")))
                .startsWith("Every 3 weeks on every day of the week at");
        assertThat(RecurrenceWords.summary(weekly(1))).contains("on no day yet (choose at least one)");
    }

    @Test
    void theWeekAnchorIsTheMondayOfRunFromsWeekAlsoWhenRunFromIsASunday() {
        RecurrenceView fromSunday = recurrence(
                "Europe/Berlin",
                LocalDate.of(2027, 1, 3),
                null,
                new OccursView("WEEKLY", 4, List.of("MONDAY"), null, null, null),
                once("09:00"));
        assertThat(RecurrenceWords.anchor(fromSunday))
                .isEqualTo("Week 1 is the week of Monday 28 Dec 2026 (it holds the first day, Sunday 3 Jan 2027);"
                        + " after that, every 4th week runs.");
    }

    @Test
    void monthlyOnADayOnTheLastDayAndOnLateDaysThatShorterMonthsLack() {
        assertThat(RecurrenceWords.summary(monthlyDay(1, 15))).startsWith("Every month on the 15th at 08:00");
        assertThat(RecurrenceWords.summary(monthlyDay(2, 1))).startsWith("Every 2 months on the 1st at");
        assertThat(RecurrenceWords.summary(monthlyDay(1, 22))).startsWith("Every month on the 22nd at");
        assertThat(RecurrenceWords.summary(monthlyDay(1, 23))).startsWith("Every month on the 23rd at");
        assertThat(RecurrenceWords.summary(monthlyDay(1, 31)))
                .startsWith("Every month on the 31st (the last day in shorter months) at");
        assertThat(RecurrenceWords.summary(monthlyDay(1, "LAST"))).startsWith("Every month on the last day at");
        assertThat(RecurrenceWords.anchor(monthlyDay(1, 15))).isNull();
        assertThat(RecurrenceWords.anchor(monthlyDay(3, 15)))
                .isEqualTo("Months count from December 2026: it runs that month, then every 3rd month.");
    }

    @Test
    void monthlyOnAnOrdinalWeekday() {
        RecurrenceView firstMonday = recurrence(
                "Europe/London",
                TUESDAY_1_DEC,
                null,
                new OccursView("MONTHLY_WEEKDAY", 1, null, null, "FIRST", "MONDAY"),
                once("07:15"));
        assertThat(RecurrenceWords.summary(firstMonday))
                .isEqualTo("Every month on the first Monday at 07:15, Europe/London, from 1 Dec 2026");

        RecurrenceView lastFriday = recurrence(
                "Asia/Tokyo",
                TUESDAY_1_DEC,
                LocalDate.of(2027, 12, 31),
                new OccursView("MONTHLY_WEEKDAY", 2, null, null, "LAST", "FRIDAY"),
                once("17:00"));
        assertThat(RecurrenceWords.summary(lastFriday))
                .isEqualTo("Every 2 months on the last Friday at 17:00, Asia/Tokyo, from 1 Dec 2026 until 31 Dec 2027");
        assertThat(RecurrenceWords.anchor(lastFriday)).contains("every 2nd month");
    }

    @Test
    void severalTimesADayInMinutesAndInWholeHours() {
        assertThat(RecurrenceWords.summary(withFrequency(new DailyFrequencyView("EVERY", null, 30, "08:00", "18:00"))))
                .isEqualTo("Every day, every 30 minutes from 08:00 to 18:00, Europe/London, from 1 Dec 2026");
        assertThat(RecurrenceWords.summary(withFrequency(new DailyFrequencyView("EVERY", null, 60, "09:00", "17:00"))))
                .contains("every hour from 09:00 to 17:00");
        assertThat(RecurrenceWords.summary(withFrequency(new DailyFrequencyView("EVERY", null, 180, "00:00", "23:59"))))
                .contains("every 3 hours from 00:00 to 23:59");
        assertThat(RecurrenceWords.summary(withFrequency(new DailyFrequencyView("EVERY", null, 90, "06:00", "12:00"))))
                .contains("every 90 minutes from 06:00 to 12:00");
    }

    @Test
    void beforeEightSaysWhoPicksTheTimeAndWhichTimeOnceKnown() {
        assertThat(RecurrenceWords.summary(withFrequency(new DailyFrequencyView("BEFORE_8AM", null, null, null, null))))
                .isEqualTo("Every day before 08:00 (Herald picks a time between 05:00 and 07:00), Europe/London,"
                        + " from 1 Dec 2026");
        assertThat(RecurrenceWords.summary(
                        withFrequency(new DailyFrequencyView("BEFORE_8AM", "06:12", null, null, null))))
                .contains("at 06:12 (picked by Herald, so that files arrive before 08:00)");
    }

    @Test
    void theZoneIsWrittenAsItsIanaNameWhateverItIs() {
        for (String zone : List.of("UTC", "Pacific/Chatham", "America/Argentina/Buenos_Aires", "Australia/Lord_Howe")) {
            assertThat(RecurrenceWords.summary(recurrence(zone, TUESDAY_1_DEC, null, daily(1), once("08:00"))))
                    .isEqualTo("Every day at 08:00, " + zone + ", from 1 Dec 2026");
        }
    }

    @Test
    void aHalfTypedTimetableGetsWordsForWhatIsThere() {
        assertThat(RecurrenceWords.summary(recurrence(null, null, null, daily(2), once(null))))
                .isEqualTo("Every 2 days");
        assertThat(RecurrenceWords.summary(recurrence("UTC", null, LocalDate.of(2027, 1, 1), daily(1), once("10:00"))))
                .isEqualTo("Every day at 10:00, UTC, until 1 Jan 2027");
        assertThat(RecurrenceWords.anchor(recurrence("UTC", null, null, daily(2), once("10:00"))))
                .as("no run-from yet: no anchor to name")
                .isNull();
        assertThat(RecurrenceWords.summary(null)).isEqualTo("Not on a timetable");
        assertThat(RecurrenceWords.summary(monthlyDay(1, "x"))).startsWith("Every month on day x");
    }

    @Test
    void ordinalsAndListsInEnglish() {
        assertThat(List.of(1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31, 99, 101, 111))
                .map(RecurrenceWords::ordinal)
                .containsExactly(
                        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "31st", "99th",
                        "101st", "111th");
        assertThat(RecurrenceWords.list(List.of("A"))).isEqualTo("A");
        assertThat(RecurrenceWords.list(List.of("A", "B"))).isEqualTo("A and B");
        assertThat(RecurrenceWords.list(List.of("A", "B", "C"))).isEqualTo("A, B and C");
    }

    private static RecurrenceView weekly(int every, String... days) {
        return recurrence(
                "Europe/London",
                TUESDAY_1_DEC,
                null,
                new OccursView("WEEKLY", every, List.of(days), null, null, null),
                once("08:00"));
    }

    private static RecurrenceView monthlyDay(int every, Object day) {
        return recurrence(
                "Europe/London",
                TUESDAY_1_DEC,
                null,
                new OccursView("MONTHLY_DAY", every, null, day, null, null),
                once("08:00"));
    }

    private static RecurrenceView withFrequency(DailyFrequencyView frequency) {
        return recurrence("Europe/London", TUESDAY_1_DEC, null, daily(1), frequency);
    }

    private static OccursView daily(int every) {
        return new OccursView("DAILY", every, null, null, null, null);
    }

    private static DailyFrequencyView once(String at) {
        return new DailyFrequencyView("ONCE", at, null, null, null);
    }

    private static RecurrenceView recurrence(
            String zone, LocalDate from, LocalDate until, OccursView occurs, DailyFrequencyView frequency) {
        return new RecurrenceView(zone, from, until, occurs, frequency, "RUN_ONCE");
    }
}
