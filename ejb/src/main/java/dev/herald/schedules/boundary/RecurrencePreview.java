package dev.herald.schedules.boundary;

import java.time.Instant;
import java.util.List;

/** The next runs of a timetable, in UTC, with its RFC 5545 text. */
public record RecurrencePreview(List<Instant> occurrences, String rrule) {}
