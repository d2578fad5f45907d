package dev.herald.runs.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wakes {@link Housekeeping} on this instance every herald.housekeeping.interval (an hour by
 * default), first a minute after start so that instances restarted often still purge. Every instance
 * has its own timer (not persistent): the database lease decides which one does the work.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HousekeepingClock {

    private static final Logger LOG = Logger.getLogger(HousekeepingClock.class.getName());
    private static final Duration FIRST_PASS_AT_LATEST = Duration.ofMinutes(1);

    @Resource
    TimerService timerService;

    @Inject
    @ConfigProperty(name = "herald.housekeeping.interval", defaultValue = "PT1H")
    Duration interval;

    @Inject
    Housekeeping housekeeping;

    private final AtomicBoolean running = new AtomicBoolean();

    @PostConstruct
    void start() {
        long every = Math.max(1000, interval.toMillis());
        long first = Math.min(every, FIRST_PASS_AT_LATEST.toMillis());
        timerService.createIntervalTimer(first, every, new TimerConfig("herald-housekeeping", false));
        LOG.info(() -> "Housekeeping runs every " + interval);
    }

    @Timeout
    void pass() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous pass is still working off a backlog
        }
        try {
            housekeeping.pass();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Housekeeping failed; the next pass tries again", e);
        } finally {
            running.set(false);
        }
    }
}
