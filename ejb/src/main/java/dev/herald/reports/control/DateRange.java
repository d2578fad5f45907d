package dev.herald.reports.control;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Whole days, both ends included. */
public record DateRange(LocalDate first, LocalDate last) {

    public DateRange {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("A range cannot end (" + last + ") before it starts (" + first + ")");
        }
    }

    /** The instant the first day starts in the zone. */
    public OffsetDateTime startIn(ZoneId zone) {
        return first.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The instant the day after the last starts in the zone: the exclusive end. */
    public OffsetDateTime endIn(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
    }
}
