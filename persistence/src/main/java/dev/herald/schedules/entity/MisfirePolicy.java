package dev.herald.schedules.entity;

/** What to do about runs that fell due while Herald was down. */
public enum MisfirePolicy {
    /** One catch-up run, however many were missed. */
    RUN_ONCE,
    /** No catch-up: the next run is the next one due from now. */
    SKIP
}
