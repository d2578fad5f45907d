package dev.herald.schedules.entity;

/** Which of a month's given weekdays: the first to the fourth, or the last. */
public enum WeekOrdinal {
    FIRST(1),
    SECOND(2),
    THIRD(3),
    FOURTH(4),
    LAST(-1);

    private final int rfc5545;

    WeekOrdinal(int rfc5545) {
        this.rfc5545 = rfc5545;
    }

    /** The ordinal as RFC 5545 writes it in BYDAY (1MO, -1FR). */
    public int rfc5545() {
        return rfc5545;
    }
}
