package dev.herald.access.control;

import dev.herald.access.entity.UserAccount;
import java.time.Duration;
import java.time.Instant;

/**
 * Five failed sign-ins within fifteen minutes lock an account for fifteen minutes. The window starts
 * at the first failure, so slow guessing is not punished for ever and a burst is stopped at once.
 */
public final class LockoutPolicy {

    public static final int MAX_FAILURES = 5;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    private LockoutPolicy() {}

    /** Counts a failure; answers true when this failure locks the account. */
    public static boolean recordFailure(UserAccount user, Instant now) {
        Instant windowStart = user.getFirstFailedLoginAt();
        if (windowStart == null || !now.isBefore(windowStart.plus(WINDOW))) {
            user.setFirstFailedLoginAt(now);
            user.setFailedLogins(1);
        } else {
            user.setFailedLogins(user.getFailedLogins() + 1);
        }
        if (user.getFailedLogins() >= MAX_FAILURES) {
            user.setLockedUntil(now.plus(LOCK));
            user.setFailedLogins(0);
            user.setFirstFailedLoginAt(null);
            return true;
        }
        return false;
    }

    /** Forgets earlier failures after a good sign-in. */
    public static void recordSuccess(UserAccount user) {
        user.setFailedLogins(0);
        user.setFirstFailedLoginAt(null);
        user.setLockedUntil(null);
    }
}
