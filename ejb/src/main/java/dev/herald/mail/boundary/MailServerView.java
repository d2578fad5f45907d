package dev.herald.mail.boundary;

import java.time.Instant;

/**
 * The mail server Herald sends through, as staff may see it (never its password), and how mail is
 * doing: the last success and failure, failures in a row, the open incident, and what waits.
 */
public record MailServerView(
        String host,
        int port,
        String tls,
        String signsInAs,
        String sender,
        String health,
        Instant lastSuccessAt,
        Instant lastFailureAt,
        String lastFailure,
        int consecutiveFailures,
        Instant failingSince,
        String failingBecause,
        long deliveriesWaiting,
        long noticesWaiting) {}
