package dev.herald.runs.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * What housekeeping keeps and what it last did: the retention it applies (files, on-demand files,
 * run history), when an instance last looked, and the last purge that removed something (when, on
 * which instance, how many files and bytes, how many runs). Nulls until the first pass and purge.
 */
public record HousekeepingView(
        int fileRetentionDays,
        int linkLifetimeDays,
        int runHistoryRetentionDays,
        Duration onDemandFileLifetime,
        int onDemandMaxWaiting,
        Instant lastPassAt,
        LastPurge lastPurge) {

    /** The last pass that removed something. */
    public record LastPurge(Instant at, String instance, long files, long bytes, long runs) {}
}
