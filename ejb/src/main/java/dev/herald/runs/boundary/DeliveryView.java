package dev.herald.runs.boundary;

import dev.herald.runs.entity.Delivery;
import dev.herald.runs.entity.DeliveryStatus;
import dev.herald.schedules.entity.DeliverAs;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One e-mail of a run as the API shows it. {@code inDoubt} marks an e-mail whose sender stopped
 * between handing it to the SMTP server and recording the answer: it may have arrived. A link that
 * staff withdrew has {@code linkRevokedAt}; it opens nothing from then on, wherever it is offered.
 * An e-mail waiting for another try (RETRY) has {@code nextAttemptAt} and {@code triesLeft}.
 */
public record DeliveryView(
        long id,
        String recipient,
        @Schema(implementation = DeliverAs.class) String deliveredAs,
        String linkReason,
        @Schema(implementation = DeliveryStatus.class) String status,
        int attempts,
        String lastError,
        String smtpReply,
        boolean inDoubt,
        Instant sentAt,
        Instant nextAttemptAt,
        Integer triesLeft,
        Instant linkExpiresAt,
        Instant linkRevokedAt,
        String messageId) {

    /** The view of a delivery, under a retry policy that allows {@code maxTries} tries. */
    public static DeliveryView of(Delivery delivery, int maxTries) {
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
                delivery.getStatus() == DeliveryStatus.RETRY ? Math.max(0, maxTries - delivery.getTries()) : null,
                delivery.getLinkExpiresAt(),
                delivery.getLinkRevokedAt(),
                delivery.getMessageId());
    }
}
