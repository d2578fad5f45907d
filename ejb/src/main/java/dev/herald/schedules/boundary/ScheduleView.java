package dev.herald.schedules.boundary;

import dev.herald.platform.boundary.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A schedule as the API shows it. {@code rrule} is its timetable in RFC 5545 text (DTSTART and one
 * or more RRULE lines), for calendars and for checking Herald's runs with any RFC 5545 library.
 */
public record ScheduleView(
        long id,
        String name,
        String description,
        boolean enabled,
        boolean runOnDemand,
        boolean runAsSchedule,
        RecurrenceView recurrence,
        List<ScheduledReportView> items,
        Instant nextRunAt,
        String owner,
        String rrule,
        Instant createdAt,
        Instant updatedAt,
        long version)
        implements Versioned {}
