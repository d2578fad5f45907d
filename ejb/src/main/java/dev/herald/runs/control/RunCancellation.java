package dev.herald.runs.control;

import dev.herald.runs.entity.Run;
import dev.herald.runs.entity.RunStatus;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/**
 * Cancelling a run, in the caller's transaction with the run's row locked: the run ends as
 * CANCELLED, e-mails not yet sent and reports not yet made are cancelled with it; what was sent stays
 * sent. The instance working on it stops at its next step.
 */
public final class RunCancellation {

    private RunCancellation() {}

    /** Whether the run can still be cancelled: waiting in line, claimed or running. */
    public static boolean isCancellable(Run run) {
        return run.getStatus().isActive() || run.getStatus() == RunStatus.QUEUED;
    }

    public static void cancel(EntityManager em, Run run, String by, Instant now) {
        run.cancel(by, now);
        em.createNativeQuery("UPDATE delivery SET status = 'CANCELLED', next_attempt_at = NULL"
                        + " WHERE status IN ('PENDING', 'RETRY')"
                        + " AND run_item_id IN (SELECT id FROM run_item WHERE run_id = ?1)")
                .setParameter(1, run.getId())
                .executeUpdate();
        em.createNativeQuery("UPDATE run_item SET status = 'CANCELLED' WHERE run_id = ?1 AND status = 'PENDING'")
                .setParameter(1, run.getId())
                .executeUpdate();
    }
}
