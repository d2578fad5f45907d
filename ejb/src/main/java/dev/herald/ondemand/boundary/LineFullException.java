package dev.herald.ondemand.boundary;

import jakarta.ejb.ApplicationException;
import java.time.Duration;

/**
 * The caller already has as many on-demand runs waiting as one person may: nothing was made. They
 * may ask again once one of them has started, which {@link #retryAfter()} estimates.
 */
@ApplicationException(rollback = true)
public class LineFullException extends RuntimeException {

    private final long waiting;
    private final int limit;
    private final Duration retryAfter;

    public LineFullException(long waiting, int limit, Duration retryAfter) {
        super("You already have " + waiting + " reports waiting in line, the most one person may have (" + limit
                + "). Run this one again once one of them has started.");
        this.waiting = waiting;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    public long waiting() {
        return waiting;
    }

    public int limit() {
        return limit;
    }

    /** When asking again is worth it: about when the first in line is likely to start. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
