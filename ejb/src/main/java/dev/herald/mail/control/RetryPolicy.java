package dev.herald.mail.control;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try a transiently failed e-mail again: after {@code initial}, then twice as long each
 * time (capped at an hour), until {@code maxTries} tries in all have failed.
 */
public record RetryPolicy(Duration initial, int maxTries) {

    private static final Duration LONGEST = Duration.ofHours(1);

    public RetryPolicy {
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("The first retry delay must be positive, not " + initial);
        }
        if (maxTries < 1) {
            throw new IllegalArgumentException("At least one try is needed, not " + maxTries);
        }
    }

    /** True when an e-mail that has failed {@code tries} times must not be tried again. */
    public boolean exhausted(int tries) {
        return tries >= maxTries;
    }

    /** The next try after the {@code tries}-th failure at {@code now}. */
    public Instant nextTry(int tries, Instant now) {
        Duration delay = initial;
        for (int i = 1; i < tries && delay.compareTo(LONGEST) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return now.plus(delay.compareTo(LONGEST) > 0 ? LONGEST : delay);
    }
}
