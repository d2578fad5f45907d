package dev.herald.runs.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bounds of on-demand runs, from MicroProfile Config (each also an environment variable:
 * HERALD_ONDEMAND_MAX_WAITING, HERALD_ONDEMAND_FILE_LIFETIME). A partner could otherwise queue runs
 * without end, each storing its file.
 */
@ApplicationScoped
public class OnDemandSettings {

    @Inject
    @ConfigProperty(name = "herald.ondemand.max-waiting", defaultValue = "10")
    int maxWaiting;

    @Inject
    @ConfigProperty(name = "herald.ondemand.file-lifetime", defaultValue = "PT24H")
    Duration fileLifetime;

    /** The most on-demand runs one person may have waiting in line (besides the two going). */
    public int maxWaiting() {
        return Math.max(0, maxWaiting);
    }

    /** How long the file of an on-demand run is kept for its requester; housekeeping deletes it then. */
    public Duration fileLifetime() {
        return fileLifetime.isNegative() || fileLifetime.isZero() ? Duration.ofMinutes(1) : fileLifetime;
    }
}
