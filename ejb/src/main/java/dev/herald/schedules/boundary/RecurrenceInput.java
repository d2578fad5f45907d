package dev.herald.schedules.boundary;

import dev.herald.schedules.entity.MisfirePolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A timetable as the API and the console send it (SPEC.md, Recurrence; API.md, Recurrence preview). */
public record RecurrenceInput(
        @Schema(description = "An IANA time zone (default: the organisation's)", example = "Europe/London")
        String timeZone,

        @Schema(format = "date", example = "2026-12-07") String runFrom,
        @Schema(format = "date", example = "2027-12-31") String runUntil,
        OccursInput occurs,
        DailyFrequencyInput dailyFrequency,
        @Schema(implementation = MisfirePolicy.class) String misfirePolicy) {}
