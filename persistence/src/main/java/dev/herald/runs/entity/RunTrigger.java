package dev.herald.runs.entity;

/** What started a run. */
public enum RunTrigger {
    /** The timetable: exactly one run per schedule and due instant. */
    SCHEDULED,
    /** Someone chose "run now". */
    MANUAL,
    /** A partner ran an item on demand. */
    ON_DEMAND,
    /** A test send to chosen addresses only. */
    TEST,
    /** A usage report generated now: one file, kept for download, mailed to nobody. */
    EXPORT
}
