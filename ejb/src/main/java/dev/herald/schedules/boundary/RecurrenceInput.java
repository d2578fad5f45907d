package dev.herald.schedules.boundary;

/** A timetable as the API and the console send it (SPEC.md, Recurrence; API.md, Recurrence preview). */
public record RecurrenceInput(
        String timeZone,
        String runFrom,
        String runUntil,
        OccursInput occurs,
        DailyFrequencyInput dailyFrequency,
        String misfirePolicy) {}
