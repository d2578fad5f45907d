package dev.herald.runs.control;

import dev.herald.schedules.control.DueRuns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What each tick of this instance's clock does: heartbeat the runs it owns, take over runs whose
 * instance stopped, and claim what has fallen due for as long as the workers have room. Claiming
 * in a loop drains a storm of due runs without waiting for the next tick.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(5);

    @Inject
    RunLedger ledger;

    @Inject
    RunWorkers workers;

    @Inject
    SchedulerSettings settings;

    @Inject
    Clock clock;

    private volatile Instant lastHousekeeping = Instant.EPOCH;

    public void tick() {
        try {
            Instant now = clock.instant();
            if (Duration.between(lastHousekeeping, now).compareTo(HOUSEKEEPING) >= 0) {
                lastHousekeeping = now;
                ledger.heartbeat(workers.inFlight());
                takeOver();
            }
            claimDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduler tick failed; the next tick tries again", e);
        }
    }

    private void takeOver() {
        int room = workers.capacity();
        if (room == 0) {
            return;
        }
        List<RunOwnership.Owned> owned = ledger.takeOverStale(Math.min(room, settings.batchSize()));
        owned.forEach(run -> {
            LOG.info(() -> "Took over run " + run.runId() + " as attempt " + run.attempt());
            workers.submit(run.runId(), run.attempt());
        });
    }

    private void claimDue() {
        while (true) {
            int limit = Math.min(workers.capacity(), settings.batchSize());
            if (limit == 0) {
                return;
            }
            DueRuns.Batch batch = ledger.claimDue(limit);
            batch.claimed().forEach(run -> workers.submit(run.runId(), run.attempt()));
            if (batch.due() < limit) {
                return;
            }
        }
    }
}
