package dev.herald.schedules.boundary;

import java.time.LocalDate;

/** A timetable as the API shows it. */
public record RecurrenceView(
        String timeZone,
        LocalDate runFrom,
        LocalDate runUntil,
        OccursView occurs,
        DailyFrequencyView dailyFrequency,
        String misfirePolicy) {}
