package dev.herald.summaries.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One summary made by a run (one audience), and the link each recipient got. */
public record SentSummaryView(
        long id,
        long runId,
        String trigger,
        String audience,
        String title,
        LocalDate periodFrom,
        LocalDate periodTo,
        Instant madeAt,
        List<Link> links) {

    /** One recipient's link: whether the e-mail went, until when it opens, whether it was withdrawn or opened. */
    public record Link(
            long id,
            String recipient,
            String deliveryStatus,
            Instant expiresAt,
            Instant revokedAt,
            String revokedBy,
            Instant firstOpenedAt,
            int opens,
            String state) {}
}
