package dev.herald.access.control;

import java.time.Duration;
import java.time.Instant;

/**
 * The throttling rule for password sign-ins, after OWASP's authentication cheat sheet: failures are
 * counted per (account, address) and per address, never per account alone, so that a stranger who
 * guesses at an account blocks only themselves and the owner signing in from elsewhere is not
 * affected.
 *
 * <ul>
 *   <li>{@value #ACCOUNT_FAILURES} failures for one account from one address within {@link #WINDOW}
 *       block that pair for {@link #BLOCK};
 *   <li>{@value #ADDRESS_FAILURES} failures from one address within {@link #WINDOW}, whatever user
 *       names were typed (known or not), block the address for {@link #BLOCK}.
 * </ul>
 *
 * <p>An attempt is counted before its password is checked and forgiven when the password was right,
 * so that many guesses sent at once cannot all be checked before the first failure is written: a
 * pair whose count (finished failures and attempts still being checked) has reached the limit takes
 * no more attempts. A window starts at its first counted attempt. Attempts refused while blocked do
 * not lengthen the block of their pair, but count for their address.
 *
 * <p>An attempt refused only because the window has no room left ({@link Counter#isFull}: attempts
 * still being checked have taken it, none has failed) had no password checked and is not a failure:
 * it starts no block by itself. Only finished failures start blocks, so a client that sends more
 * sign-ins at once than the limit with the right password is turned away for the extra ones, and
 * not locked out; guesses stay limited all the same, as no more than the limit are checked.
 */
public final class SignInThrottle {

    public static final int ACCOUNT_FAILURES = 5;
    public static final int ADDRESS_FAILURES = 50;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration BLOCK = Duration.ofMinutes(15);

    private SignInThrottle() {}

    /** What is counted for one account from one address, or for one address. */
    public record Counter(int failures, Instant windowStart, Instant blockedUntil) {

        public static final Counter NONE = new Counter(0, null, null);

        /** Blocked now, or no room left in the window for another attempt. */
        public boolean refuses(Instant now, int limit) {
            return isBlockedAt(now) || (inWindow(now) && failures >= limit);
        }

        /**
         * No block in force, but no room left in the window for another attempt: the count (finished
         * failures and attempts still being checked) has reached the limit.
         */
        public boolean isFull(Instant now, int limit) {
            return !isBlockedAt(now) && inWindow(now) && failures >= limit;
        }

        public boolean isBlockedAt(Instant now) {
            return blockedUntil != null && now.isBefore(blockedUntil);
        }

        /** One more attempt counted; a window that has passed starts again with it. */
        public Counter counted(Instant now) {
            return inWindow(now)
                    ? new Counter(failures + 1, windowStart, blockedUntil)
                    : new Counter(1, now, blockedUntil);
        }

        /**
         * After an attempt failed: when the count has reached the limit, the block starts now and
         * the count starts again; otherwise nothing changes (the attempt was counted already).
         */
        public Counter afterFailure(Instant now, int limit) {
            if (isBlockedAt(now) || !inWindow(now) || failures < limit) {
                return this;
            }
            return new Counter(0, now, now.plus(BLOCK));
        }

        /** The attempt was right after all: one count fewer. */
        public Counter forgiven() {
            return new Counter(Math.max(0, failures - 1), windowStart, blockedUntil);
        }

        private boolean inWindow(Instant now) {
            return windowStart != null && now.isBefore(windowStart.plus(WINDOW));
        }
    }
}
