package dev.herald.runs.control;

import dev.herald.runs.boundary.RunService;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The threads that execute this instance's runs: a fixed pool of container-managed threads, so that
 * a run can call the business components like any request. It counts the runs it holds, and the
 * scheduler claims no more than it has room for, which leaves a storm's remainder to other instances.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Its own work needs no JTA transaction (the database steps take their own): none is begun per call.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunWorkers {

    private static final Logger LOG = Logger.getLogger(RunWorkers.class.getName());

    @Resource
    ManagedThreadFactory threadFactory;

    @Inject
    SchedulerSettings settings;

    @Inject
    RunService runService;

    @Inject
    RunLedger ledger;

    @Inject
    RunExecution execution;

    private static final Duration QUEUED_WORK = Duration.ofSeconds(2);

    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    /** A moving average of how long runs take here; a second until runs have been measured. */
    private volatile double averageRunMillis = 1000;

    private ExecutorService executor;

    @PostConstruct
    void start() {
        int threads = settings.workers();
        executor = new ThreadPoolExecutor(
                threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threadFactory);
    }

    /**
     * How many more runs this instance should take now: about two seconds of work beyond what its
     * workers are doing, judged by how long recent runs took, at least two per worker, and never
     * more than herald.runs.max-in-flight. Short runs are claimed in large batches; long ones a few
     * at a time, so that other instances get their share of a storm.
     */
    public int capacity() {
        int workers = settings.workers();
        double lookahead = workers * QUEUED_WORK.toMillis() / Math.max(1.0, averageRunMillis);
        int limit = (int) Math.min(settings.maxInFlight(), Math.max(2.0 * workers, lookahead));
        return Math.max(0, limit - inFlight.size());
    }

    /** A moving average of how long runs take here, in milliseconds. */
    public double averageRunMillis() {
        return averageRunMillis;
    }

    /** The runs this instance holds, queued or running: the ones it heartbeats. */
    public Set<Long> inFlight() {
        return Set.copyOf(inFlight);
    }

    public void submit(long runId, int attempt) {
        submit(runId, attempt, false);
    }

    /** The most runs one worker begins in one transaction. */
    private static final int BEGUN_TOGETHER = 50;

    /**
     * Runs these runs on the workers. Many at once (a storm) are begun together, a share per worker
     * and each share in one transaction ({@link RunExecution#beginAll}): the runs with nothing to
     * make end there, and each run with work goes on alone, as {@link #submit(long, int)} runs it.
     */
    public void submitAll(List<RunOwnership.Owned> runs) {
        int share = Math.min(BEGUN_TOGETHER, (runs.size() + settings.workers() - 1) / settings.workers());
        if (share < 2) {
            runs.forEach(run -> submit(run.runId(), run.attempt()));
            return;
        }
        for (int from = 0; from < runs.size(); from += share) {
            List<RunOwnership.Owned> together = List.copyOf(runs.subList(from, Math.min(runs.size(), from + share)));
            together.forEach(run -> inFlight.add(run.runId()));
            executor.execute(() -> beginTogether(together));
        }
    }

    private void beginTogether(List<RunOwnership.Owned> runs) {
        long started = System.nanoTime();
        List<RunOwnership.Owned> goOn = runs;
        try {
            goOn = execution.beginAll(runs);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not begin " + runs.size() + " runs together; each begins alone", e);
        }
        Set<Long> going = new HashSet<>();
        goOn.forEach(run -> going.add(run.runId()));
        int ended = 0;
        for (RunOwnership.Owned run : runs) {
            if (!going.contains(run.runId())) {
                inFlight.remove(run.runId());
                ended++;
            }
        }
        if (ended > 0) {
            double each = (System.nanoTime() - started) / 1e6 / runs.size();
            averageRunMillis = 0.9 * averageRunMillis + 0.1 * each;
            synchronized (this) {
                notifyAll();
            }
        }
        goOn.forEach(run -> submit(run.runId(), run.attempt()));
    }

    /**
     * Runs the run on a worker. A run that must wait for a render slot gives the worker back and
     * stays in flight (heartbeated, so not taken over); it comes back here, holding the slot, when
     * one is handed to it.
     */
    private void submit(long runId, int attempt, boolean holdsSlot) {
        inFlight.add(runId);
        executor.execute(() -> {
            long started = System.nanoTime();
            RunExecution.Step step = RunExecution.Step.DONE;
            try {
                step = runService.execute(runId, attempt, holdsSlot, () -> submit(runId, attempt, true));
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "Run " + runId + " (attempt " + attempt + ") failed unexpectedly", e);
            } finally {
                if (step == RunExecution.Step.DONE) {
                    averageRunMillis = 0.9 * averageRunMillis + 0.1 * (System.nanoTime() - started) / 1e6;
                    inFlight.remove(runId);
                    synchronized (this) {
                        notifyAll();
                    }
                }
            }
        });
    }

    /** Waits until a worker is free or the time is up; true when there is room. */
    public synchronized boolean awaitCapacity(Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (capacity() == 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            int released = ledger.release();
            if (released > 0) {
                LOG.info(() -> "Handed back " + released + " claimed runs for another instance to take over");
            }
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not hand back claimed runs; they will be taken over after the heartbeat timeout",
                    e);
        }
    }
}
