package dev.herald.usage.boundary;

/**
 * A scheduled task, in. {@code taskType} USAGE_REPORT; {@code recurrence} DAILY (yesterday's usage),
 * WEEKLY (the last 7 days, on {@code dayOfWeek}) or MONTHLY (last month, on the 1st); {@code
 * delimiter} COMMA or PIPE. The CSV is mailed to {@code email} before 08:00 in the organisation's zone.
 */
public record ScheduledTaskInput(
        String name,
        String description,
        String email,
        String taskType,
        String recurrence,
        String dayOfWeek,
        String delimiter,
        Boolean enabled) {}
