package dev.herald.runs.control;

import dev.herald.platform.boundary.Health;
import dev.herald.platform.control.HealthIndicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The scheduler's part of the health check: when its clock last ticked. */
@ApplicationScoped
public class SchedulerHealth implements HealthIndicator {

    @Inject
    SchedulerClock schedulerClock;

    @Override
    public Health.Check check() {
        return schedulerClock
                .lastTick()
                .map(tick -> new Health.Check("scheduler", Health.Status.UP, "last tick " + tick))
                .orElseGet(() -> new Health.Check("scheduler", Health.Status.UP, "starting"));
    }
}
