package dev.herald.schedules.boundary;

/** The orders a list of schedules can be read in. */
public enum ScheduleSort {
    NAME,
    ENABLED,
    NEXT_RUN,
    UPDATED
}
