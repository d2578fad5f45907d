package dev.herald.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.herald.runs.control.SchedulerClock;
import dev.herald.testing.InContainerTest;
import dev.herald.testing.TestDeployments;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;

/** The scheduler's EJB timer fires in the real server, at the interval configured by the environment. */
@InContainerTest
class SchedulerClockIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return TestDeployments.heraldWith(SchedulerClockIT.class);
    }

    @Inject
    SchedulerClock clock;

    @Test
    void theTimerKeepsFiring() {
        long before = clock.ticks();

        await().atMost(Duration.ofSeconds(15)).until(() -> clock.ticks() >= before + 3);

        assertThat(clock.lastTick()).hasValueSatisfying(tick -> assertThat(tick)
                .isBetween(Instant.now().minusSeconds(5), Instant.now()));
    }
}
