package dev.herald.reports.control;

import dev.herald.platform.boundary.Health;
import dev.herald.platform.control.HealthIndicator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reports' part of the health check: DEGRADED, with the reason, while reports are switched off
 * because their database account can do more than read. The instance still serves everything else.
 */
@ApplicationScoped
public class ReportingHealth implements HealthIndicator {

    @Inject
    ReportingDatabase reporting;

    @Override
    public Health.Check check() {
        ReportingDatabase.Verdict verdict = reporting.current();
        return verdict.safe()
                ? new Health.Check("reporting", Health.Status.UP, "reports run as an account that only reads")
                : new Health.Check(
                        "reporting", Health.Status.DEGRADED, "Reports are switched off: " + verdict.reason());
    }
}
