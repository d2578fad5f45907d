package dev.herald.usage.boundary;

import java.time.Instant;

/** A scheduled task, out: its fields, which tenants it covers, and when it runs next. */
public record ScheduledTaskView(
        long id,
        String name,
        String description,
        String email,
        String taskType,
        String recurrence,
        String dayOfWeek,
        String delimiter,
        boolean enabled,
        String tenants,
        Instant nextRunAt) {}
