package dev.herald.runs.control;

import dev.herald.mail.control.NoticeSender;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What each tick of this instance's clock does: heartbeat the runs it holds, take over runs whose
 * instance stopped, and claim what has fallen due. An instance claims only what its workers can
 * start soon, and keeps claiming as they free up, so a storm drains without waiting for ticks and
 * is shared between instances rather than hoarded by the first to wake.
 */
@ApplicationScoped
public class Scheduler {

    private static final Logger LOG = Logger.getLogger(Scheduler.class.getName());
    private static final Duration HOUSEKEEPING = Duration.ofSeconds(5);
    private static final Duration WAIT_FOR_WORKERS = Duration.ofSeconds(2);

    @Inject
    RunLedger ledger;

    @Inject
    RunWorkers workers;

    @Inject
    SchedulerSettings settings;

    @Inject
    OnDemandQueue onDemandQueue;

    @Inject
    Clock clock;

    @Inject
    InstanceLives lives;

    @Inject
    NoticeSender notices;

    private volatile Instant lastHousekeeping = Instant.EPOCH;

    /**
     * Claims and starts due runs for as long as there are any, waiting for free workers in between,
     * and keeps up heartbeats and take-overs while it drains.
     */
    public void tick() {
        try {
            while (true) {
                housekeepingIfDue();
                int limit = Math.min(workers.capacity(), settings.batchSize());
                if (limit == 0) {
                    if (!workers.awaitCapacity(WAIT_FOR_WORKERS)) {
                        return;
                    }
                    continue;
                }
                List<RunOwnership.Owned> woken = ledger.wakeDue(limit);
                woken.forEach(run -> workers.submit(run.runId(), run.attempt()));
                if (woken.size() == limit) {
                    continue;
                }
                int room = limit - woken.size();
                long claimStart = System.nanoTime();
                DueRuns.Batch batch = ledger.claimDue(room);
                long claimMillis = (System.nanoTime() - claimStart) / 1_000_000;
                LOG.fine(() -> "Claimed " + batch.claimed().size() + " of " + batch.due() + " due runs (room for "
                        + room + ", " + woken.size() + " woken) in " + claimMillis + " ms");
                workers.submitAll(batch.claimed().stream()
                        .map(run -> new RunOwnership.Owned(run.runId(), run.attempt()))
                        .toList());
                if (batch.due() < room) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduler tick failed; the next tick tries again", e);
        }
    }

    private void housekeepingIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastHousekeeping, now).compareTo(HOUSEKEEPING) >= 0) {
            lastHousekeeping = now;
            lives.beat();
            ledger.heartbeat(workers.inFlight());
            takeOver();
            startWaitingOnDemandRuns();
            notices.sendDue();
        }
    }

    /** On-demand runs left waiting (their instance stopped before starting them) start here. */
    private void startWaitingOnDemandRuns() {
        for (String requester : onDemandQueue.waitingRequesters()) {
            onDemandQueue.promote(requester).forEach(run -> workers.submit(run.runId(), run.attempt()));
        }
    }

    private void takeOver() {
        int room = workers.capacity();
        if (room == 0) {
            return;
        }
        List<RunOwnership.Owned> owned = ledger.takeOverStale(Math.min(room, settings.batchSize()));
        owned.forEach(run -> LOG.info(() -> "Took over run " + run.runId() + " as attempt " + run.attempt()));
        workers.submitAll(owned);
    }
}
