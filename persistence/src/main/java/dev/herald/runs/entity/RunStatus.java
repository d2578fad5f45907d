package dev.herald.runs.entity;

import java.util.EnumSet;
import java.util.Set;

/** Where a run is. A run with a failed delivery is never SUCCEEDED. */
public enum RunStatus {
    /** An on-demand run waiting for its requester's earlier ones (at most two run at once per person). */
    QUEUED,
    /** An instance has claimed it and will start it. */
    CLAIMED,
    /** An instance is working on it and heartbeats. */
    RUNNING,
    /**
     * Some of its e-mails wait for another try (the mail server refused them for now): no instance
     * holds it, and the first scheduler to see its wake-up time come claims it again.
     */
    WAITING,
    SUCCEEDED,
    PARTIALLY_FAILED,
    FAILED,
    CANCELLED,
    /** Not run: missed while Herald was down, under the SKIP misfire policy. */
    SKIPPED;

    public static final Set<RunStatus> ACTIVE = EnumSet.of(CLAIMED, RUNNING, WAITING);

    public boolean isActive() {
        return ACTIVE.contains(this);
    }
}
