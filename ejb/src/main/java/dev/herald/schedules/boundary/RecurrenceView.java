package dev.herald.schedules.boundary;

import dev.herald.schedules.entity.MisfirePolicy;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A timetable as the API shows it. */
public record RecurrenceView(
        String timeZone,
        LocalDate runFrom,
        LocalDate runUntil,
        OccursView occurs,
        DailyFrequencyView dailyFrequency,
        @Schema(implementation = MisfirePolicy.class) String misfirePolicy) {}
