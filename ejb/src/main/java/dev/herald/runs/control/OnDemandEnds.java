package dev.herald.runs.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What follows the end of an on-demand run on this instance, once the end is committed: whoever
 * waits here for the run (a partner's API request) is woken, and the requester's next waiting run
 * may start (fair use). Runs that end on another instance are found by looking at their status.
 */
@ApplicationScoped
public class OnDemandEnds {

    private static final Logger LOG = Logger.getLogger(OnDemandEnds.class.getName());

    @Inject
    OnDemandQueue queue;

    @Inject
    RunWorkers workers;

    @Resource
    ManagedExecutorService promoter;

    private final Map<Long, CompletableFuture<Void>> awaited = new ConcurrentHashMap<>();

    /** Completes when the run's end is recorded by this instance; see {@link #forget}. */
    public CompletableFuture<Void> whenEnded(long runId) {
        return awaited.computeIfAbsent(runId, id -> new CompletableFuture<>());
    }

    /** Stops waiting for a run (it ended elsewhere, or the waiter gave up). */
    public void forget(long runId) {
        awaited.remove(runId);
    }

    void ended(long runId, String requester) {
        CompletableFuture<Void> waiting = awaited.remove(runId);
        if (waiting != null) {
            waiting.complete(null);
        }
        if (requester != null) {
            // Off the journal's thread: its next batch need not wait for this transaction.
            promoter.execute(() -> promote(requester));
        }
    }

    private void promote(String requester) {
        try {
            queue.promote(requester).forEach(next -> workers.submit(next.runId(), next.attempt()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not start the next waiting on-demand run; housekeeping will", e);
        }
    }
}
