package dev.herald.summaries.control;

import java.time.Instant;

/** One service-desk ticket, as the summaries read it. */
public record ServiceTicket(
        long id,
        String company,
        String technician,
        String requester,
        String subject,
        String category,
        String priority,
        Instant openedAt,
        Integer firstResponseMinutes,
        Instant resolvedAt,
        Integer resolutionMinutes,
        boolean escalated,
        int escalationLevel,
        boolean automated,
        boolean aiAssisted,
        double sentiment) {

    /** Sentiment at or above this is a positive interaction. */
    public static final double POSITIVE = 0.3;

    /** Sentiment at or below this is a frustrated customer. */
    public static final double FRUSTRATED = -0.3;

    /** Resolved before the given instant (the end of the period): later resolutions do not count. */
    public boolean resolvedBy(Instant end) {
        return resolvedAt != null && resolvedAt.isBefore(end);
    }

    public boolean positive() {
        return sentiment >= POSITIVE;
    }

    public boolean frustrated() {
        return sentiment <= FRUSTRATED;
    }

    /** The person who asked, or their company when the ticket does not say. */
    public String customer() {
        return requester == null || requester.isBlank() ? company : requester;
    }
}
