package dev.herald.runs.boundary;

import dev.herald.runs.entity.Delivery;
import java.time.Instant;

/**
 * One e-mail of a run as the API shows it. {@code inDoubt} marks an e-mail whose sender stopped
 * between handing it to the SMTP server and recording the answer: it may have arrived. A link that
 * staff withdrew has {@code linkRevokedAt}; it opens nothing from then on, wherever it is offered.
 */
public record DeliveryView(
        long id,
        String recipient,
        String deliveredAs,
        String linkReason,
        String status,
        int attempts,
        String lastError,
        String smtpReply,
        boolean inDoubt,
        Instant sentAt,
        Instant nextAttemptAt,
        Instant linkExpiresAt,
        Instant linkRevokedAt,
        String messageId) {

    public static DeliveryView of(Delivery delivery) {
        return new DeliveryView(
                delivery.getId(),
                delivery.getRecipient(),
                delivery.getDeliveredAs().name(),
                delivery.getLinkReason(),
                delivery.getStatus().name(),
                delivery.getAttempts(),
                delivery.getLastError(),
                delivery.getSmtpReply(),
                delivery.isInDoubt(),
                delivery.getSentAt(),
                delivery.getNextAttemptAt(),
                delivery.getLinkExpiresAt(),
                delivery.getLinkRevokedAt(),
                delivery.getMessageId());
    }
}
