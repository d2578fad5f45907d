package dev.herald.runs.boundary;

import java.time.Instant;

/**
 * A notice Herald sent about a run (the owner's failure notice): to whom, and how it went, like a
 * delivery: PENDING, SENDING, SENT, RETRY (with its next try), or FAILED (in doubt when a stopped
 * instance may have sent it).
 */
public record NoticeView(
        String kind,
        String recipient,
        String status,
        int tries,
        String lastError,
        boolean inDoubt,
        Instant nextAttemptAt,
        Instant sentAt) {}
