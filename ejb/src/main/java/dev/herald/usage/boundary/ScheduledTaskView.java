package dev.herald.usage.boundary;

import dev.herald.platform.boundary.Versioned;
import java.time.Instant;

/**
 * A scheduled task, out: its fields, which tenants it covers, and when it runs next ({@code
 * timeZone}: the organisation's zone when the task was saved, in which it runs before 08:00).
 */
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
        Instant nextRunAt,
        String timeZone,
        long version)
        implements Versioned {}
