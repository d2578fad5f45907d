package dev.herald.access.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.herald.access.entity.UserAccount;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant NINE = Instant.parse("2026-11-25T09:00:00Z");

    private final UserAccount user = new UserAccount("ann", "Ann", null, "hash", NINE);

    @Test
    void fourFailuresDoNotLock() {
        for (int i = 0; i < 4; i++) {
            assertThat(LockoutPolicy.recordFailure(user, NINE.plusSeconds(i * 60L)))
                    .isFalse();
        }

        assertThat(user.getFailedLogins()).isEqualTo(4);
        assertThat(user.isLockedAt(NINE.plusSeconds(300))).isFalse();
    }

    @Test
    void theFifthFailureWithinFifteenMinutesLocksForFifteenMinutes() {
        for (int i = 0; i < 4; i++) {
            LockoutPolicy.recordFailure(user, NINE.plus(Duration.ofMinutes(i * 3L)));
        }
        Instant fifth = NINE.plus(Duration.ofMinutes(14));

        assertThat(LockoutPolicy.recordFailure(user, fifth)).isTrue();
        assertThat(user.getLockedUntil()).isEqualTo(fifth.plus(Duration.ofMinutes(15)));
        assertThat(user.isLockedAt(fifth.plus(Duration.ofMinutes(14)))).isTrue();
        assertThat(user.isLockedAt(fifth.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void failuresOlderThanTheWindowAreForgotten() {
        for (int i = 0; i < 4; i++) {
            LockoutPolicy.recordFailure(user, NINE.plusSeconds(i));
        }

        boolean locked = LockoutPolicy.recordFailure(user, NINE.plus(Duration.ofMinutes(15)));

        assertThat(locked).isFalse();
        assertThat(user.getFailedLogins()).isEqualTo(1);
        assertThat(user.getFirstFailedLoginAt()).isEqualTo(NINE.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aGoodSignInForgetsEarlierFailures() {
        LockoutPolicy.recordFailure(user, NINE);
        LockoutPolicy.recordFailure(user, NINE.plusSeconds(1));

        LockoutPolicy.recordSuccess(user);

        assertThat(user.getFailedLogins()).isZero();
        assertThat(user.getFirstFailedLoginAt()).isNull();
        assertThat(user.getLockedUntil()).isNull();
    }
}
