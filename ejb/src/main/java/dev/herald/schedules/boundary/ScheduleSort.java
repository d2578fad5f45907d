package dev.herald.schedules.boundary;

/** The orders a list of schedules can be read in. */
public enum ScheduleSort {
    NAME,
    ENABLED,
    NEXT_RUN,
    UPDATED;

    /** The API's {@code sort} fields, named as in a schedule (see {@link dev.herald.platform.boundary.SortOrder}). */
    public static final java.util.Map<String, ScheduleSort> FIELDS =
            java.util.Map.of("name", NAME, "enabled", ENABLED, "nextRunAt", NEXT_RUN, "updatedAt", UPDATED);
}
