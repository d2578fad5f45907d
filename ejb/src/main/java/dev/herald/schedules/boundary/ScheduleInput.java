package dev.herald.schedules.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A schedule as the API and the console send it. */
public record ScheduleInput(
        @Schema(required = true, maxLength = 200, example = "Weekly payments")
        String name,

        String description,
        Boolean enabled,
        Boolean runOnDemand,
        Boolean runAsSchedule,
        RecurrenceInput recurrence,
        List<ScheduledReportInput> items) {}
