package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.control.SignInThrottle.Counter;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The counting rule on its own: windows, limits, blocks and forgiveness, with the clock given. */
class SignInThrottleTest {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");
    private static final int LIMIT = SignInThrottle.ACCOUNT_FAILURES;

    @Test
    void fourFailuresLeaveRoomForAFifthAttempt() {
        Counter counter = failures(Counter.NONE, 4, NINE, Duration.ofMinutes(3));

        assertThat(counter.failures()).isEqualTo(4);
        assertThat(counter.refuses(NINE.plus(Duration.ofMinutes(12)), LIMIT)).isFalse();
    }

    @Test
    void theFifthFailureWithinFifteenMinutesBlocksForFifteenMinutesFromThen() {
        Counter counter = failures(Counter.NONE, 4, NINE, Duration.ofMinutes(3));
        Instant fifth = NINE.plus(Duration.ofMinutes(14));

        Counter blocked = counter.counted(fifth).afterFailure(fifth, LIMIT);

        assertThat(blocked.blockedUntil()).isEqualTo(fifth.plus(SignInThrottle.BLOCK));
        assertThat(blocked.refuses(fifth.plus(Duration.ofMinutes(14)), LIMIT)).isTrue();
        assertThat(blocked.refuses(fifth.plus(Duration.ofMinutes(15)), LIMIT)).isFalse();
        assertThat(blocked.failures())
                .as("the count starts again after the block")
                .isZero();
    }

    @Test
    void attemptsStillBeingCheckedTakeTheRoomOfFailures() {
        Counter fiveInFlight = Counter.NONE;
        for (int i = 0; i < LIMIT; i++) {
            assertThat(fiveInFlight.refuses(NINE, LIMIT)).isFalse();
            fiveInFlight = fiveInFlight.counted(NINE);
        }

        assertThat(fiveInFlight.refuses(NINE, LIMIT))
                .as("a sixth attempt sent at the same moment")
                .isTrue();
        assertThat(fiveInFlight.isBlockedAt(NINE))
                .as("not blocked yet: none has failed")
                .isFalse();
    }

    @Test
    void aWindowWithNoRoomLeftIsNoBlock() {
        Counter fiveInFlight = Counter.NONE;
        for (int i = 0; i < LIMIT; i++) {
            assertThat(fiveInFlight.isFull(NINE, LIMIT)).isFalse();
            fiveInFlight = fiveInFlight.counted(NINE);
        }
        Counter blocked = fiveInFlight.afterFailure(NINE, LIMIT);

        assertThat(fiveInFlight.isFull(NINE, LIMIT))
                .as("attempts still being checked have taken the room")
                .isTrue();
        assertThat(fiveInFlight.isFull(NINE.plus(SignInThrottle.WINDOW), LIMIT))
                .as("a new window")
                .isFalse();
        assertThat(blocked.isFull(NINE, LIMIT))
                .as("blocked, which is not the same")
                .isFalse();
        assertThat(blocked.refuses(NINE, LIMIT)).isTrue();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        Counter counter = failures(Counter.NONE, 4, NINE, Duration.ofSeconds(1));
        Instant later = NINE.plus(SignInThrottle.WINDOW);

        Counter next = counter.counted(later).afterFailure(later, LIMIT);

        assertThat(next.failures()).isEqualTo(1);
        assertThat(next.windowStart()).isEqualTo(later);
        assertThat(next.isBlockedAt(later)).isFalse();
    }

    @Test
    void aRightPasswordGivesItsCountBack() {
        Counter counter = failures(Counter.NONE, 3, NINE, Duration.ofSeconds(1)).counted(NINE.plusSeconds(5));

        assertThat(counter.forgiven().failures()).isEqualTo(3);
        assertThat(Counter.NONE.forgiven().failures()).as("never below nothing").isZero();
    }

    @Test
    void aFailureDuringABlockDoesNotLengthenIt() {
        Counter blocked = failures(Counter.NONE, LIMIT, NINE, Duration.ofSeconds(1));
        Instant until = blocked.blockedUntil();
        Instant during = NINE.plus(Duration.ofMinutes(10));

        assertThat(blocked.afterFailure(during, LIMIT)).isEqualTo(blocked);
        assertThat(blocked.blockedUntil()).isEqualTo(until);
    }

    @Test
    void theAddressLimitIsLargerThanTheAccountLimit() {
        Counter counter = failures(Counter.NONE, LIMIT, NINE, Duration.ZERO);
        Counter byAddress = Counter.NONE;
        for (int i = 0; i < LIMIT; i++) {
            byAddress = byAddress.counted(NINE).afterFailure(NINE, SignInThrottle.ADDRESS_FAILURES);
        }

        assertThat(counter.isBlockedAt(NINE)).isTrue();
        assertThat(byAddress.isBlockedAt(NINE)).isFalse();
        assertThat(SignInThrottle.ADDRESS_FAILURES).isGreaterThan(SignInThrottle.ACCOUNT_FAILURES);
    }

    private static Counter failures(Counter counter, int count, Instant from, Duration apart) {
        Counter current = counter;
        for (int i = 0; i < count; i++) {
            Instant at = from.plus(apart.multipliedBy(i));
            current = current.counted(at).afterFailure(at, LIMIT);
        }
        return current;
    }
}
