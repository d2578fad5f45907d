package dev.herald.reports.control;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * Date metrics that a saved criteria set keeps and that are resolved each time a report runs, on
 * the organisation's calendar. Weeks run Monday to Sunday. "Last week" is the previous calendar
 * week, not the last seven days; "last 7 days" and "last 30 days" are the whole days before today;
 * "next 7 days" is today and the six days after it.
 */
public enum RelativeDate {
    TODAY("Today"),
    YESTERDAY("Yesterday"),
    THIS_WEEK("This week"),
    LAST_WEEK("Last week"),
    LAST_7_DAYS("Last 7 days"),
    THIS_MONTH("This month"),
    LAST_MONTH("Last month"),
    MONTH_TO_DATE("Month to date"),
    LAST_30_DAYS("Last 30 days"),
    THIS_YEAR("This year"),
    LAST_YEAR("Last year"),
    NEXT_7_DAYS("Next 7 days");

    private final String label;

    RelativeDate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Whether the metric is one day (and so can fill a single-date parameter). */
    public boolean isSingleDay() {
        return this == TODAY || this == YESTERDAY;
    }

    public DateRange resolve(LocalDate today) {
        LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstOfMonth = today.withDayOfMonth(1);
        LocalDate firstOfYear = today.withDayOfYear(1);
        return switch (this) {
            case TODAY -> new DateRange(today, today);
            case YESTERDAY -> new DateRange(today.minusDays(1), today.minusDays(1));
            case THIS_WEEK -> new DateRange(monday, monday.plusDays(6));
            case LAST_WEEK -> new DateRange(monday.minusWeeks(1), monday.minusDays(1));
            case LAST_7_DAYS -> new DateRange(today.minusDays(7), today.minusDays(1));
            case THIS_MONTH -> new DateRange(firstOfMonth, today.with(TemporalAdjusters.lastDayOfMonth()));
            case LAST_MONTH -> new DateRange(firstOfMonth.minusMonths(1), firstOfMonth.minusDays(1));
            case MONTH_TO_DATE -> new DateRange(firstOfMonth, today);
            case LAST_30_DAYS -> new DateRange(today.minusDays(30), today.minusDays(1));
            case THIS_YEAR -> new DateRange(firstOfYear, today.with(TemporalAdjusters.lastDayOfYear()));
            case LAST_YEAR -> new DateRange(firstOfYear.minusYears(1), firstOfYear.minusDays(1));
            case NEXT_7_DAYS -> new DateRange(today, today.plusDays(6));
        };
    }

    public static boolean isMetric(String text) {
        for (RelativeDate metric : values()) {
            if (metric.name().equals(text)) {
                return true;
            }
        }
        return false;
    }
}
