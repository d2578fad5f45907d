package dev.herald.schedules.entity;

/** On which days a schedule runs. */
public enum OccursType {
    /** Every N days, counted from run-from. */
    DAILY,
    /** Every N weeks on chosen weekdays; weeks start on Monday, week 0 holds run-from. */
    WEEKLY,
    /** Every N months on day D (1–31, or the last day); a shorter month runs on its last day. */
    MONTHLY_DAY,
    /** Every N months on the first, second, third, fourth or last given weekday. */
    MONTHLY_WEEKDAY
}
