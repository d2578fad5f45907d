package dev.herald.schedules.entity;

/** At what times of an occurring day a schedule runs. */
public enum DailyFrequencyType {
    /** Once, at a time of day. */
    ONCE,
    /** Every M minutes from a start time until an end time, both inclusive. */
    EVERY,
    /** Once, at a time Herald picks between 05:00 and 07:00, so that files arrive before 08:00. */
    BEFORE_8AM
}
