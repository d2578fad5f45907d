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
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wakes this instance four times a second (herald.scheduler.tick) to run the {@link Scheduler}; an
 * idle tick is one indexed query that finds nothing, well under a millisecond. The timer
 * is not persistent: every instance has its own, and the database, not the timer, decides which
 * instance runs what is due, so a timer lost with a stopped instance loses nothing.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
// Its own work needs no JTA transaction (the database steps take their own): none is begun per call.
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchedulerClock {

    private static final Logger LOG = Logger.getLogger(SchedulerClock.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "herald.scheduler.tick", defaultValue = "PT0.25S")
    Duration interval;

    @Inject
    Scheduler scheduler;

    private final AtomicLong ticks = new AtomicLong();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private volatile Instant lastTick;

    @PostConstruct
    void start() {
        long millis = interval.toMillis();
        timerService.createIntervalTimer(millis, millis, new TimerConfig("herald-scheduler-clock", false));
        LOG.info(() -> "Scheduler clock ticks every " + interval);
    }

    @Timeout
    void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return; // the previous tick is still draining a storm of due runs
        }
        try {
            lastTick = clock.instant();
            ticks.incrementAndGet();
            scheduler.tick();
        } finally {
            ticking.set(false);
        }
    }

    public long ticks() {
        return ticks.get();
    }

    public Optional<Instant> lastTick() {
        return Optional.ofNullable(lastTick);
    }
}
