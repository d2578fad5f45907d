package dev.herald.mail.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void theDelayDoublesAfterEachFailureUpToAnHour() {
        RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), 10);

        assertThat(policy.nextTry(1, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextTry(2, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(2)));
        assertThat(policy.nextTry(5, NOW)).isEqualTo(NOW.plus(Duration.ofMinutes(16)));
        assertThat(policy.nextTry(8, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
        assertThat(policy.nextTry(40, NOW)).isEqualTo(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void triesRunOutAtTheLimit() {
        RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), 3);

        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
    }

    @Test
    void nonsenseSettingsAreRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
