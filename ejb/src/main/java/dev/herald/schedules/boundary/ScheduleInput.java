package dev.herald.schedules.boundary;

import java.util.List;

/** A schedule as the API and the console send it. */
public record ScheduleInput(
        String name,
        String description,
        Boolean enabled,
        Boolean runOnDemand,
        Boolean runAsSchedule,
        RecurrenceInput recurrence,
        List<ScheduledReportInput> items) {}
