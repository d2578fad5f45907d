package dev.herald.runs.control;

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
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Writes the starts and ends of this instance's runs to the database in batches, from one thread.
 * A run's worker hands its events over and goes on; the journal writes whatever has gathered in one
 * transaction, usually within milliseconds. A storm of short runs then costs a few transactions a
 * second instead of two per run.
 *
 * <p>Nothing is dropped: a batch that fails is written again until it succeeds. What an instance
 * that dies loses is what it had not yet written, and its runs are taken over by another instance
 * and carried out again, exactly as if it had died a moment earlier.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Its own work needs no JTA transaction (the database steps take their own): none is begun per call.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunJournal {

    private static final Logger LOG = Logger.getLogger(RunJournal.class.getName());
    private static final int MAX_BATCH = 1000;

    @Resource
    ManagedThreadFactory threadFactory;

    @Resource(lookup = "jdbc/herald")
    DataSource dataSource;

    @Inject
    InstanceName instance;

    /** An event, and what to do once it is committed (nothing for most). */
    private record Entry(RunOwnership.Event event, Runnable afterWritten) {}

    private final BlockingQueue<Entry> events = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private Thread writer;

    @PostConstruct
    void start() {
        writer = threadFactory.newThread(this::writeForever);
        writer.setName("herald-run-journal");
        writer.start();
    }

    public void record(RunOwnership.Event event) {
        events.add(new Entry(event, null));
    }

    /**
     * Records an event and, once it is committed, runs {@code afterWritten} on the journal's thread:
     * it must be short (an on-demand run's end wakes whoever waits for it and lets the requester's
     * next run start).
     */
    public void record(RunOwnership.Event event, Runnable afterWritten) {
        events.add(new Entry(event, afterWritten));
    }

    private void writeForever() {
        while (running || !events.isEmpty()) {
            try {
                Entry first = events.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                List<Entry> batch = new ArrayList<>();
                batch.add(first);
                events.drainTo(batch, MAX_BATCH - 1);
                writeUntilDone(batch);
                afterWritten(batch);
            } catch (InterruptedException e) {
                running = false;
            }
        }
    }

    private static void afterWritten(List<Entry> batch) {
        for (Entry entry : batch) {
            if (entry.afterWritten() != null) {
                try {
                    entry.afterWritten().run();
                } catch (RuntimeException e) {
                    LOG.log(
                            Level.WARNING,
                            "After recording run " + entry.event().runId() + ": " + e.getMessage(),
                            e);
                }
            }
        }
    }

    private void writeUntilDone(List<Entry> batch) throws InterruptedException {
        long pause = 100;
        while (true) {
            try {
                write(batch);
                return;
            } catch (SQLException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "Could not record " + batch.size() + " run events; trying again in " + pause + " ms",
                        e);
                Thread.sleep(pause);
                pause = Math.min(pause * 2, 10_000);
            }
        }
    }

    private void write(List<Entry> entries) throws SQLException {
        List<RunOwnership.Event> batch = entries.stream().map(Entry::event).toList();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            boolean[] applied = RunOwnership.record(connection, instance.get(), batch);
            connection.commit();
            for (int i = 0; i < applied.length; i++) {
                if (!applied[i]) {
                    RunOwnership.Event event = batch.get(i);
                    LOG.info(() -> "Run " + event.runId() + " attempt " + event.attempt()
                            + " belongs to another instance now; its " + event.status() + " was not recorded");
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
        List<Entry> rest = new ArrayList<>();
        events.drainTo(rest);
        if (!rest.isEmpty()) {
            try {
                write(rest);
            } catch (SQLException | RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        rest.size() + " run events were not recorded at shutdown; those runs will be taken over",
                        e);
            }
        }
    }
}
