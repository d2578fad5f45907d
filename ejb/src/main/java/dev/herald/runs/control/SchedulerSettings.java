package dev.herald.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The scheduler's knobs, from MicroProfile Config (each also an environment variable: HERALD_RUNS_WORKERS, …). */
@ApplicationScoped
public class SchedulerSettings {

    @Inject
    @ConfigProperty(name = "herald.scheduler.batch-size", defaultValue = "1000")
    int batchSize;

    @Inject
    @ConfigProperty(name = "herald.scheduler.misfire-threshold", defaultValue = "PT60S")
    Duration misfireThreshold;

    @Inject
    @ConfigProperty(name = "herald.runs.workers", defaultValue = "8")
    int workers;

    @Inject
    @ConfigProperty(name = "herald.runs.render-concurrency")
    java.util.Optional<Integer> renderConcurrency;

    @Inject
    @ConfigProperty(name = "herald.runs.max-in-flight")
    java.util.Optional<Integer> maxInFlight;

    @Inject
    @ConfigProperty(name = "herald.runs.heartbeat-timeout", defaultValue = "PT30S")
    Duration heartbeatTimeout;

    @Inject
    @ConfigProperty(name = "herald.runs.simulated-work", defaultValue = "PT0S")
    Duration simulatedWork;

    /** How many due schedules one claim transaction takes. */
    public int batchSize() {
        return batchSize;
    }

    /** How late a due run may be before it counts as missed during downtime. */
    public Duration misfireThreshold() {
        return misfireThreshold;
    }

    /** Threads that execute runs on this instance. */
    public int workers() {
        return workers;
    }

    /**
     * How many runs of this instance render a report at the same moment (default: the number of
     * processors). Rendering is CPU work; more at once than there are processors only makes each one
     * slower. Runs waiting for a mail server do not count.
     */
    public int renderConcurrency() {
        return Math.max(1, renderConcurrency.orElse(Runtime.getRuntime().availableProcessors()));
    }

    /** The most runs this instance holds at once, queued or running (default 1000). */
    public int maxInFlight() {
        return maxInFlight.orElse(1000);
    }

    /** How long a run may go without a heartbeat before another instance takes it over. */
    public Duration heartbeatTimeout() {
        return heartbeatTimeout;
    }

    /**
     * How long a run with reports to make pauses before making them (zero in production): lets tests
     * hold runs in progress (for cancelling, or take-over after kill -9). A run that only resumes to
     * send its e-mails does not pause.
     */
    public Duration simulatedWork() {
        return simulatedWork;
    }
}
