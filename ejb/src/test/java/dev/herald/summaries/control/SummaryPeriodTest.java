package dev.herald.summaries.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Weeks are the days before the send day; months are whole calendar months, back to back. */
class SummaryPeriodTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void aWeeklySummaryCoversTheSevenDaysBeforeItsDayAndComparesWithTheSevenBefore() {
        SummaryPeriod week = SummaryPeriod.before(LocalDate.of(2026, 11, 30), 7, LONDON);
        assertThat(week.from()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(week.to()).isEqualTo(LocalDate.of(2026, 11, 29));
        assertThat(week.previous().from()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(week.previous().to()).isEqualTo(LocalDate.of(2026, 11, 22));
    }

    @Test
    void aMonthlySummaryCoversThePreviousCalendarMonthAndComparesWithTheMonthBefore() {
        SummaryPeriod november = SummaryPeriod.before(LocalDate.of(2026, 12, 7), SummaryPeriod.MONTH, LONDON);
        assertThat(november.from()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(november.to()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(november.previous().from()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(november.previous().to()).isEqualTo(LocalDate.of(2026, 10, 31));

        SummaryPeriod february = SummaryPeriod.before(LocalDate.of(2028, 3, 6), SummaryPeriod.MONTH, LONDON);
        assertThat(february.from()).isEqualTo(LocalDate.of(2028, 2, 1));
        assertThat(february.to()).isEqualTo(LocalDate.of(2028, 2, 29));
        assertThat(february.previous().to()).isEqualTo(LocalDate.of(2028, 1, 31));
    }

    @Test
    void consecutiveMonthlySummariesNeitherOverlapNorLeaveDaysOut() {
        LocalDate sendDay = LocalDate.of(2026, 1, 5);
        SummaryPeriod last = null;
        for (int month = 0; month < 24; month++) {
            SummaryPeriod period = SummaryPeriod.before(sendDay.plusMonths(month), SummaryPeriod.MONTH, LONDON);
            if (last != null) {
                assertThat(period.from()).isEqualTo(last.to().plusDays(1));
            }
            assertThat(period.previous().to()).isEqualTo(period.from().minusDays(1));
            last = period;
        }
    }
}
